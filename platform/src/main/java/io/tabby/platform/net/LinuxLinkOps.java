package io.tabby.platform.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link LinkOps} over {@code ip link}; reads {@code ip -d -json link show}. */
public final class LinuxLinkOps implements LinkOps {

    private final IpRoute2 ip;

    public LinuxLinkOps(CommandRunner runner) {
        this.ip = new IpRoute2(runner);
    }

    @Override
    public List<Link> list(NetNs ns) {
        return parseLinks(ip.json(ns, "ip", List.of("-d", "link", "show")));
    }

    @Override
    public Optional<Link> get(NetNs ns, String name) {
        LinkNames.check(name);
        return list(ns).stream().filter(link -> link.name().equals(name)).findFirst();
    }

    @Override
    public void createVeth(NetNs ns, String name, String peerName, NetNs peerNs) {
        List<String> args = new ArrayList<>(List.of("link", "add", "name", LinkNames.check(name),
                "type", "veth", "peer", "name", LinkNames.check(peerName)));
        if (!peerNs.equals(ns)) {
            args.addAll(List.of("netns", NamespaceArgv.linkTarget(peerNs)));
        }
        ip.run(ns, "ip", args);
    }

    @Override
    public void createVxlan(NetNs ns, VxlanSpec spec) {
        List<String> args = new ArrayList<>(List.of("link", "add", "name", spec.name()));
        spec.mac().ifPresent(mac -> args.addAll(List.of("address", mac)));
        args.addAll(List.of("type", "vxlan", "id", Integer.toString(spec.vni())));
        spec.local().ifPresent(local -> args.addAll(List.of("local", IpPrefix.format(local))));
        spec.parent().ifPresent(parent -> args.addAll(List.of("dev", parent)));
        args.addAll(List.of("dstport", Integer.toString(spec.port())));
        args.add(spec.learning() ? "learning" : "nolearning");
        ip.run(ns, "ip", args);
    }

    @Override
    public void createIpip(NetNs ns, String name) {
        ip.run(ns, "ip", List.of("link", "add", "name", LinkNames.check(name), "type", "ipip"));
    }

    @Override
    public void setUp(NetNs ns, String name) {
        set(ns, name, "up");
    }

    @Override
    public void setDown(NetNs ns, String name) {
        set(ns, name, "down");
    }

    @Override
    public void setMtu(NetNs ns, String name, int mtu) {
        if (mtu < 68) {
            throw new IllegalArgumentException("MTU " + mtu + " for " + name + " is below the IPv4 minimum of 68");
        }
        set(ns, name, "mtu", Integer.toString(mtu));
    }

    @Override
    public void setMac(NetNs ns, String name, String mac) {
        set(ns, name, "address", LinkNames.checkMac(mac));
    }

    @Override
    public void rename(NetNs ns, String name, String newName) {
        set(ns, name, "name", LinkNames.check(newName));
    }

    @Override
    public void delete(NetNs ns, String name) {
        ip.run(ns, "ip", List.of("link", "del", "dev", LinkNames.check(name)));
    }

    private void set(NetNs ns, String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("link", "set", "dev", LinkNames.check(name)));
        args.addAll(List.of(settings));
        ip.run(ns, "ip", args);
    }

    static List<Link> parseLinks(JsonNode array) {
        List<Link> links = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode info = node.path("linkinfo");
            links.add(new Link(
                    IpRoute2.text(node, "ifname", ""),
                    IpRoute2.number(node, "ifindex", 0),
                    IpRoute2.text(info, "info_kind", ""),
                    IpRoute2.number(node, "mtu", 0),
                    "none".equals(IpRoute2.text(node, "link_type", "")) ? "" : IpRoute2.text(node, "address", ""),
                    IpRoute2.hasFlag(node, "flags", "UP")));
        }
        return List.copyOf(links);
    }
}
