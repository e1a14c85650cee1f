package io.tabby.platform.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the argv that runs a tool inside a {@link NetNs}. iproute2 tools ({@code ip},
 * {@code bridge}) take {@code -n NAME} for named namespaces; any other tool runs under
 * {@code ip netns exec NAME} (which also remounts /sys for that namespace). Path namespaces use
 * {@code nsenter --net=PATH} for every tool.
 */
public final class NamespaceArgv {

    private NamespaceArgv() {
    }

    /** {@code ip}/{@code bridge} followed by {@code args}, scoped with {@code -n} where possible. */
    public static List<String> iproute2(NetNs ns, String tool, List<String> args) {
        List<String> argv = new ArrayList<>();
        switch (ns) {
            case NetNs.Root root -> argv.add(tool);
            case NetNs.Named named -> argv.addAll(List.of(tool, "-n", named.name()));
            case NetNs.Path path -> argv.addAll(List.of("nsenter", "--net=" + path.path(), tool));
        }
        argv.addAll(args);
        return List.copyOf(argv);
    }

    /** Any program ({@code sysctl}, {@code iptables-restore}, {@code ipset}) run inside {@code ns}. */
    public static List<String> exec(NetNs ns, List<String> command) {
        List<String> argv = new ArrayList<>();
        switch (ns) {
            case NetNs.Root root -> { }
            case NetNs.Named named -> argv.addAll(List.of("ip", "netns", "exec", named.name()));
            case NetNs.Path path -> argv.addAll(List.of("nsenter", "--net=" + path.path()));
        }
        argv.addAll(command);
        return List.copyOf(argv);
    }

    /** How {@code ip link ... netns X} names a target namespace. */
    static String linkTarget(NetNs ns) {
        return switch (ns) {
            // PID 1 lives in the host namespace; its ns file is the portable way to name "root".
            case NetNs.Root root -> "/proc/1/ns/net";
            case NetNs.Named named -> named.name();
            case NetNs.Path path -> path.path();
        };
    }
}
