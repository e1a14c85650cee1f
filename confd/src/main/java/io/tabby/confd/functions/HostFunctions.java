package io.tabby.confd.functions;

import freemarker.template.SimpleDate;
import freemarker.template.TemplateDateModel;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * confd's functions that read the host: {@code getenv}, {@code datetime}, {@code fileExists},
 * {@code lookupIP}, {@code lookupIPV4}, {@code lookupIPV6}, {@code lookupSRV}. They read, never write.
 */
final class HostFunctions {
    private HostFunctions() {}

    static void addTo(Map<String, NamedMethod> functions, HostContext host) {
        add(functions, "getenv", args -> {
            args.count(1, 2, "getenv(name) or getenv(name, default)");
            String value = host.environment().getOrDefault(args.string(0), "");
            if (value.isEmpty() && args.size() == 2) {
                return args.string(1);
            }
            return value;
        });
        add(functions, "datetime", args -> {
            args.count(0, 0, "datetime()");
            return new SimpleDate(Date.from(host.clock().instant()), TemplateDateModel.DATETIME);
        });
        add(functions, "fileExists", args -> {
            try {
                return Files.exists(Path.of(args.count(1, 1, "fileExists(path)").string(0)));
            } catch (InvalidPathException e) {
                return false;
            }
        });
        add(functions, "lookupIP", args -> addresses(host, args.count(1, 1, "lookupIP(name)").string(0), a -> true));
        add(functions, "lookupIPV4", args -> addresses(host, args.count(1, 1, "lookupIPV4(name)").string(0),
                a -> a instanceof Inet4Address));
        add(functions, "lookupIPV6", args -> addresses(host, args.count(1, 1, "lookupIPV6(name)").string(0),
                a -> a instanceof Inet6Address));
        add(functions, "lookupSRV", args -> {
            args.count(3, 3, "lookupSRV(service, proto, name)");
            return host.lookup().services(args.string(0), args.string(1), args.string(2)).stream()
                    .sorted(Comparator.comparing(
                            (HostLookup.SrvRecord r) -> r.target() + r.port() + r.priority() + r.weight()))
                    .map(HostFunctions::srv)
                    .toList();
        });
    }

    /** Sorted textual addresses, as confd's {@code lookupIP}. */
    private static List<String> addresses(HostContext host, String name, Predicate<InetAddress> family) {
        return host.lookup().addresses(name).stream()
                .filter(family)
                .map(InetAddress::getHostAddress)
                .sorted()
                .distinct()
                .toList();
    }

    private static Map<String, Object> srv(HostLookup.SrvRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Target", record.target());
        map.put("Port", record.port());
        map.put("Priority", record.priority());
        map.put("Weight", record.weight());
        return map;
    }

    private static void add(Map<String, NamedMethod> functions, String name, ConfdFunction function) {
        functions.put(name, new NamedMethod(name, function));
    }
}
