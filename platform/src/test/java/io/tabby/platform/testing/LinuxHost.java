package io.tabby.platform.testing;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.host.HostRequirements;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real host for integration tests: checks that we are root with the needed tools (skipping
 * with a reason otherwise, or failing under {@code TABBY_REQUIRE_ALL=1}), and makes named
 * namespaces {@code tabby-it-<random>} that it deletes again. Tests never touch the root
 * namespace's network configuration.
 */
final class LinuxHost {

    private final CommandRunner runner;
    private final Map<String, String> environment;
    private final List<NetNs.Named> created = new ArrayList<>();

    LinuxHost(CommandRunner runner, Map<String, String> environment) {
        this.runner = runner;
        this.environment = environment;
    }

    /** Skips (or fails under TABBY_REQUIRE_ALL=1) unless we are root and every program is installed. */
    void require(String... programs) {
        HostRequirements host = HostRequirements.of(environment);
        host.requireRoot("creating network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset iputils-ping", programs);
    }

    /** A new, empty named namespace with a unique name; remembered for {@link #deleteAll()}. */
    synchronized NetNs.Named newNamespace() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        NetNs.Named ns = new NetNs.Named("tabby-it-" + HexFormat.of().formatHex(random));
        runner.runChecked(Command.of(List.of("ip", "netns", "add", ns.name())));
        created.add(ns);
        return ns;
    }

    /** Deletes every namespace this host made; keeps going past failures and reports the first. */
    synchronized void deleteAll() {
        RuntimeException first = null;
        for (NetNs.Named ns : created) {
            try {
                runner.runChecked(Command.of(List.of("ip", "netns", "del", ns.name())));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        created.clear();
        if (first != null) {
            throw first;
        }
    }
}
