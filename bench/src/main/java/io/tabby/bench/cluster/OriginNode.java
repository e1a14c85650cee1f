package io.tabby.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The origin node: the real processes from {@code build/bin} in the scenario's namespace, as
 * demo/lib/cluster.sh starts a node: one tabby-node running felix, confd and bird-bridge in its JVM;
 * for the anchor, a tabby-node without BGP, tabby-confd -watch and BIRD 1.6. {@link #start} is the
 * one place that knows how the node is launched, and {@link #processes()} (whose resident memory
 * the bench sums) follows it.
 */
final class OriginNode implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;
    private final Settings settings;
    private final Path dir;
    private final List<OriginProcess> processes = new ArrayList<>();

    /**
     * @param top the checkout (build/bin, templates)
     * @param dir this node's state directory (config, sockets, logs)
     * @param namespace the node's network namespace; also its node name
     * @param etcd the etcd endpoint as seen from the namespace
     * @param javaOpts extra JVM flags for the Tabby launchers ({@code TABBY_JAVA_OPTS}); empty for none
     */
    record Settings(Path top, Path dir, String namespace, String etcd, String javaOpts) {
    }

    private OriginNode(Settings settings) {
        this.settings = settings;
        this.dir = settings.dir();
    }

    /** Starts the node and returns once its BGP daemon serves its control socket with {@code meshPeers} peers configured. */
    static OriginNode start(Settings settings, OriginDaemon daemon, int meshPeers) throws IOException, InterruptedException {
        OriginNode node = new OriginNode(settings);
        try {
            node.launch(daemon, meshPeers);
            return node;
        } catch (IOException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void launch(OriginDaemon daemon, int meshPeers) throws IOException, InterruptedException {
        Path bin = settings.top().resolve("build/bin");
        Files.createDirectories(dir);
        ConfdDirectory.install(settings.top().resolve("templates"), dir);
        List<String> env = new ArrayList<>(List.of("NODENAME=" + settings.namespace(),
                "ETCD_ENDPOINTS=" + settings.etcd()));
        if (!settings.javaOpts().isBlank()) {
            env.add("TABBY_JAVA_OPTS=" + settings.javaOpts());
        }
        List<String> node = new ArrayList<>(List.of("TABBY_CNI_SOCKET=" + cniSocket(), "TABBY_IPV4POOL_IPIP=Never",
                "FELIX_DEFAULTENDPOINTTOHOSTACTION=ACCEPT"));
        if (daemon == OriginDaemon.TABBY) {
            // one tabby-node: start-up, CNI, felix, confd and bird-bridge in its JVM, as a node runs it
            node.addAll(List.of("TABBY_CONFD_DIR=" + dir.resolve("confd"),
                    "TABBY_BIRD_CONFIG=" + dir.resolve("config/bird.cfg"), "TABBY_BIRD_SOCKET=" + controlSocket()));
            spawn("tabby-node", env, node, List.of(bin.resolve("tabby-node").toString()));
        } else {
            // the anchor: tabby-node for start-up, CNI and felix; confd beside it drives a real BIRD
            node.add("CALICO_NETWORKING_BACKEND=none");
            spawn("tabby-node", env, node, List.of(bin.resolve("tabby-node").toString()));
            spawn("tabby-confd", env, List.of(), List.of(bin.resolve("tabby-confd").toString(),
                    "-confdir=" + dir.resolve("confd"), "-watch", "-node=" + settings.etcd()));
        }
        await("tabby-node to serve its CNI socket " + cniSocket(), () -> Files.exists(cniSocket()));
        await("confd to render bird.cfg with " + meshPeers + " mesh peers and its fragments",
                () -> ConfdDirectory.rendered(dir, meshPeers));
        if (daemon == OriginDaemon.BIRD) {
            spawn(daemon.label(), env, List.of(), List.of("bird", "-R", "-f", "-c",
                    dir.resolve("config/bird.cfg").toString(), "-s", controlSocket().toString()));
        }
        await(daemon.label() + " to open its control socket " + controlSocket(), () -> Files.exists(controlSocket()));
    }

    Path cniSocket() {
        return dir.resolve("cni.sock");
    }

    Path controlSocket() {
        return dir.resolve("bird.ctl");
    }

    Path dir() {
        return dir;
    }

    String namespace() {
        return settings.namespace();
    }

    List<OriginProcess> processes() {
        return List.copyOf(processes);
    }

    /** The first process that has exited, with its exit code and log, or null when all run. */
    String exited() {
        for (OriginProcess p : processes) {
            if (!p.process().isAlive()) {
                return p.name() + " exited with " + p.process().exitValue() + " (see " + p.log() + ")";
            }
        }
        return null;
    }

    private void spawn(String name, List<String> env, List<String> extraEnv, List<String> command) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", settings.namespace(), "env"));
        argv.addAll(env);
        argv.addAll(extraEnv);
        argv.addAll(command);
        Path log = dir.resolve(name.replace(' ', '-') + ".log");
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        processes.add(new OriginProcess(name, process, log));
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            String dead = exited();
            if (dead != null) {
                throw new IllegalStateException("waiting for " + what + ": " + dead);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + WAIT_SECONDS + " s for " + what + " in vain (logs in "
                        + dir + ")");
            }
            Thread.sleep(100);
        }
    }

    /** Stops every process, the last started first: TERM, then KILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        List<OriginProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        for (OriginProcess p : reversed) {
            p.process().destroy();
        }
        for (OriginProcess p : reversed) {
            if (!p.process().waitFor(10, TimeUnit.SECONDS)) {
                p.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        processes.clear();
    }

    static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
