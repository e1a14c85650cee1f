package io.tabby.platform.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;

/** {@link AddrOps} over {@code ip address}; writes use {@code address replace} so they are idempotent. */
public final class LinuxAddrOps implements AddrOps {

    private final IpRoute2 ip;

    public LinuxAddrOps(CommandRunner runner) {
        this.ip = new IpRoute2(runner);
    }

    @Override
    public List<Address> list(NetNs ns, IpFamily family) {
        return parseAddresses(ip.json(ns, "ip", List.of(family.flag(), "address", "show")));
    }

    @Override
    public void add(NetNs ns, List<Address> addresses) {
        ip.batch(ns, "ip", lines("address replace", addresses));
    }

    @Override
    public void delete(NetNs ns, List<Address> addresses) {
        ip.batch(ns, "ip", lines("address del", addresses));
    }

    static List<String> lines(String verb, List<Address> addresses) {
        return addresses.stream().map(a -> verb + " " + a.prefix() + " dev " + a.device()).toList();
    }

    static List<Address> parseAddresses(JsonNode array) {
        List<Address> addresses = new ArrayList<>();
        for (JsonNode link : array) {
            String device = IpRoute2.text(link, "ifname", "");
            for (JsonNode info : link.path("addr_info")) {
                if (!info.has("local")) {
                    continue;
                }
                IpPrefix prefix = new IpPrefix(IpPrefix.parseAddress(info.get("local").asText()),
                        IpRoute2.number(info, "prefixlen", 0));
                addresses.add(new Address(device, prefix));
            }
        }
        return List.copyOf(addresses);
    }
}
