package io.tabby.cni.result;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.FieldReader;
import io.tabby.cni.spec.IpLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a result in any supported version's format (0.3.1 to 1.1.0) into a {@link CniResult}.
 * A 0.x {@code "version"} field is checked against the address and then dropped. Problems fail
 * with the caller's error code and name the field under the given path (e.g. {@code prevResult}).
 */
public final class ResultReader {
    public static final ResultReader INSTANCE = new ResultReader();

    private ResultReader() {
    }

    public CniResult read(JsonObject json, String path, int errorCode) throws CniException {
        FieldReader root = new FieldReader(json, path, errorCode);
        List<CniInterface> interfaces = new ArrayList<>();
        for (FieldReader i : root.objectList("interfaces")) {
            OptionalLong mtu = i.optionalLong("mtu");
            if (mtu.isPresent() && (mtu.getAsLong() < 0 || mtu.getAsLong() > 65535)) {
                throw i.error(i.pathOf("mtu"), "out of range", "an interface mtu is 0..65535");
            }
            interfaces.add(new CniInterface(i.requiredString("name", "give each interface a name"),
                    i.optionalString("mac").filter(s -> !s.isEmpty()),
                    i.optionalString("sandbox").filter(s -> !s.isEmpty()), (int) mtu.orElse(0)));
        }
        List<IpConfig> ips = new ArrayList<>();
        for (FieldReader ip : root.objectList("ips")) {
            ips.add(ip(ip, interfaces.size()));
        }
        List<Route> routes = new ArrayList<>();
        for (FieldReader r : root.objectList("routes")) {
            String dst = r.requiredString("dst", "give each route a destination CIDR");
            if (IpLiteral.cidrVersion(dst).isEmpty()) {
                throw r.error(r.pathOf("dst"), "'" + dst + "' is not CIDR text", "write e.g. 0.0.0.0/0");
            }
            Optional<String> gw = r.optionalString("gw").filter(s -> !s.isEmpty());
            if (gw.isPresent() && IpLiteral.addressVersion(gw.get()).isEmpty()) {
                throw r.error(r.pathOf("gw"), "'" + gw.get() + "' is not an IP address", "write e.g. 169.254.1.1");
            }
            routes.add(new Route(dst, gw));
        }
        Dns dns = Dns.EMPTY;
        Optional<FieldReader> d = root.optionalObject("dns");
        if (d.isPresent()) {
            dns = new Dns(d.get().stringList("nameservers"), d.get().optionalString("domain").orElse(""),
                    d.get().stringList("search"), d.get().stringList("options"));
        }
        return new CniResult(interfaces, ips, routes, dns);
    }

    private static IpConfig ip(FieldReader ip, int interfaceCount) throws CniException {
        String address = ip.requiredString("address", "give each ip an address in CIDR form");
        Optional<Integer> version = IpLiteral.cidrVersion(address);
        if (version.isEmpty()) {
            throw ip.error(ip.pathOf("address"), "'" + address + "' is not CIDR text", "write e.g. 10.0.0.5/32");
        }
        Optional<String> declared = ip.optionalString("version");
        if (declared.isPresent() && !declared.get().equals(version.get().toString())) {
            throw ip.error(ip.pathOf("version"), "'" + declared.get() + "' does not match " + address,
                    "write \"" + version.get() + "\"");
        }
        Optional<String> gateway = ip.optionalString("gateway").filter(s -> !s.isEmpty());
        if (gateway.isPresent() && !IpLiteral.addressVersion(gateway.get()).equals(version)) {
            throw ip.error(ip.pathOf("gateway"), "'" + gateway.get() + "' is not an IPv" + version.get()
                    + " address", "write the gateway in the address's family");
        }
        OptionalLong index = ip.optionalLong("interface");
        if (index.isPresent() && (index.getAsLong() < 0 || index.getAsLong() >= interfaceCount)) {
            throw ip.error(ip.pathOf("interface"), index.getAsLong() + " is not an index into interfaces",
                    "the result has " + interfaceCount + " interface(s)");
        }
        return new IpConfig(address, gateway,
                index.isPresent() ? OptionalInt.of((int) index.getAsLong()) : OptionalInt.empty());
    }
}
