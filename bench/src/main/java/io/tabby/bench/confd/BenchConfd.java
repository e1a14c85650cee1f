package io.tabby.bench.confd;

import io.tabby.confd.ConfdService;
import io.tabby.confd.ConfdSettings;
import io.tabby.confd.RunMode;
import io.tabby.confd.functions.HostContext;
import io.tabby.confd.processor.ResourceCounters;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.platform.exec.ProcessCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * tabby-confd as the node runs it, in process: watch mode with the default pacing, the system
 * command runner, one template resource rendering {@link #KEY} into {@code <work>/out/bench.conf}
 * and running the given {@code reload_cmd} (and {@code check_cmd}, if any).
 */
final class BenchConfd implements AutoCloseable {
    static final String PREFIX = "/bench/confd";
    static final String KEY = PREFIX + "/value";
    static final String RESOURCE = "bench.toml";

    private final Path dest;
    private final Backend backend;
    private final ConfdService confd;

    BenchConfd(Path work, List<String> endpoints, String reloadCommand, Optional<String> checkCommand)
            throws IOException {
        Path confdir = work.resolve("confd");
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        dest = Files.createDirectories(work.resolve("out")).resolve("bench.conf");
        Files.writeString(confdir.resolve("templates/bench.ftl"), "value = ${getv(\"/value\")}\n");
        Files.writeString(confdir.resolve("conf.d").resolve(RESOURCE), """
                [template]
                src = "bench.ftl"
                dest = "%s"
                prefix = "%s"
                keys = ["/value"]
                mode = "0644"
                reload_cmd = "%s"
                """.formatted(dest, PREFIX, reloadCommand)
                + checkCommand.map(check -> "check_cmd = \"" + check + "\"\n").orElse(""));
        backend = EtcdBackend.connect(EtcdSettings.of(endpoints));
        confd = new ConfdService(ConfdSettings.of(confdir, RunMode.WATCH), backend, HostContext.system(),
                new ProcessCommandRunner());
        confd.start();
    }

    /** Whether the destination holds the render of {@code value}. */
    boolean rendered(String value) throws IOException {
        return Files.exists(dest) && Files.readString(dest).equals("value = " + value + "\n");
    }

    ResourceCounters counters() {
        return confd.counters().of(RESOURCE);
    }

    @Override
    public void close() {
        confd.close();
        backend.close();
    }
}
