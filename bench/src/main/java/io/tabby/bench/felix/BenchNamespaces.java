package io.tabby.bench.felix;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.NetNs;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The benchmark's network namespaces ({@code fxsc-*}): created on demand, all deleted on close. The
 * environment variable {@code FELIX_BENCH_NS} replaces the {@code fxsc} prefix (2-4 lowercase
 * letters), so a run beside another one's clean-up of {@code fxsc-*} is not disturbed.
 */
final class BenchNamespaces implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(BenchNamespaces.class);
    static final String PREFIX = prefix();

    private final CommandRunner runner;
    private final List<String> created = new ArrayList<>();

    BenchNamespaces(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    NetNs.Named create(String role) {
        String name = PREFIX + role;
        runner.run(Command.of(List.of("ip", "netns", "add", name))).orThrow();
        created.add(name);
        return new NetNs.Named(name);
    }

    /** Runs {@code argv} inside {@code ns}, feeding it {@code stdin}; returns its output. */
    String exec(NetNs.Named ns, String stdin, String... argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns.name()));
        all.addAll(List.of(argv));
        Command command = stdin == null ? Command.of(all) : Command.withStdin(all, stdin);
        return runner.run(command).orThrow().stdout();
    }

    void delete(NetNs.Named ns) {
        if (created.remove(ns.name())) {
            deleteQuietly(ns.name());
        }
    }

    private void deleteQuietly(String name) {
        var result = runner.run(Command.of(List.of("ip", "netns", "del", name)));
        if (!result.succeeded()) {
            LOG.warn("could not delete namespace {}: {}", name, result.stderr());
        }
    }

    /** The namespace prefix: {@code FELIX_BENCH_NS} when set, else {@code fxsc}, and a dash. */
    private static String prefix() {
        String prefix = System.getenv().getOrDefault("FELIX_BENCH_NS", "fxsc");
        if (!prefix.matches("[a-z]{2,4}")) {
            throw new IllegalArgumentException("FELIX_BENCH_NS '" + prefix + "' must be 2-4 lowercase letters");
        }
        return prefix + "-";
    }

    @Override
    public void close() {
        List.copyOf(created).forEach(this::deleteQuietly);
        created.clear();
    }
}
