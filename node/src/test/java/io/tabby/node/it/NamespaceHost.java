package io.tabby.node.it;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

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

    void require(String... programs) {
        CommandResult id = tryRun(List.of("id", "-u"));
        if (id == null || !id.succeeded() || !id.stdout().strip().equals("0")) {
            unavailable("these tests create network namespaces and need root");
        }
        for (String program : programs) {
            CommandResult probe = tryRun(List.of("sh", "-c", "command -v " + program));
            if (probe == null || !probe.succeeded()) {
                unavailable("'" + program + "' is not installed (apt-get install iproute2 iputils-ping util-linux)");
            }
        }
    }

    private void unavailable(String reason) {
        if ("1".equals(environment.get("TABBY_REQUIRE_ALL"))) {
            Assertions.fail(reason + "; failing because TABBY_REQUIRE_ALL=1");
        }
        Assumptions.abort("skipped: " + reason);
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
