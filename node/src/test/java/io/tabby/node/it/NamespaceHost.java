package io.tabby.node.it;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.testkit.host.HostRequirements;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real host for the node's integration tests, under the platform module's rule: skip with the
 * reason unless we are root with the tools, and fail instead under {@code TABBY_REQUIRE_ALL=1}.
 * Makes uniquely named namespaces and deletes them again; never touches the root namespace.
 */
final class NamespaceHost {
    private final CommandRunner runner;
    private final Map<String, String> environment;
    private final List<String> created = new ArrayList<>();

    NamespaceHost(CommandRunner runner, Map<String, String> environment) {
        this.runner = runner;
        this.environment = environment;
    }

    /** Skips (or fails under TABBY_REQUIRE_ALL=1) unless we are root and every program is installed. */
    void require(String... programs) {
        HostRequirements host = HostRequirements.of(environment);
        host.requireRoot("creating network namespaces");
        host.requirePrograms("apt-get install iproute2 iputils-ping util-linux", programs);
    }

    /** A new empty namespace named {@code tabby-it-<role>-<random>}. */
    synchronized String newNamespace(String role) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        String name = "tabby-it-" + role + "-" + HexFormat.of().formatHex(random);
        run("ip", "netns", "add", name);
        created.add(name);
        return name;
    }

    CommandResult run(String... argv) {
        return runner.runChecked(Command.of(List.of(argv)));
    }

    CommandResult tryRun(List<String> argv) {
        try {
            return runner.run(Command.of(argv));
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** Deletes every namespace made here that still exists. */
    synchronized void deleteAll() {
        for (String name : created) {
            tryRun(List.of("ip", "netns", "del", name));
        }
        created.clear();
    }
}
