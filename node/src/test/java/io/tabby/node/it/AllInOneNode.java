package io.tabby.node.it;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code tabby-node} as a child JVM in a node namespace ({@code ip netns exec NS java ...
 * io.tabby.node.NodeMain}; {@code ip netns exec} execs java, so the process is the agent), with a
 * confdir made from the repository's {@code templates/} as the demo makes it: the destinations and
 * the {@code birdc -s} and {@code birdc6 -s} sockets rewritten into this node's directory. Health is on
 * {@code 127.0.0.1:9099} inside the namespace.
 */
final class AllInOneNode {
    static final int HEALTH_PORT = 9099;
    private static final List<String> RESOURCES = List.of("bird.toml", "bird_aggr.toml", "bird_ipam.toml",
            "custom_filters.toml", "bird6.toml", "bird6_aggr.toml", "bird6_ipam.toml", "custom_filters6.toml");

    final String name;
    final String namespace;
    final String address;
    final String address6;
    final Path dir;
    private final CommandRunner runner;
    private Process process;

    AllInOneNode(String name, String namespace, String address, String address6, Path dir, CommandRunner runner) {
        this.name = name;
        this.namespace = namespace;
        this.address = address;
        this.address6 = address6;
        this.dir = dir;
        this.runner = runner;
    }

    /** Copies {@code templates/} (the repository's) into this node's confdir, rewriting the paths. */
    void makeConfdir(Path templates) throws IOException {
        Path confd = dir.resolve("confd");
        Files.createDirectories(confd.resolve("conf.d"));
        Files.createDirectories(dir.resolve("config"));
        copyTree(templates.resolve("templates"), confd.resolve("templates"));
        for (String resource : RESOURCES) {
            String toml = Files.readString(templates.resolve("conf.d").resolve(resource))
                    .replace("/etc/calico/confd/config/", dir.resolve("config") + "/")
                    .replace("-s /var/run/calico/bird.ctl", "-s " + socket())
                    .replace("-s /var/run/calico/bird6.ctl", "-s " + dir.resolve("bird6.ctl"));
            Files.writeString(confd.resolve("conf.d").resolve(resource), toml);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    Path socket() {
        return dir.resolve("bird.ctl");
    }

    /** Starts the agent with the all-in-one environment; its output is appended to {@code node.log}. */
    void start(List<String> etcdEndpoints) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-Dlog4j2.configurationFile=tabby-node-log4j2.xml",
                "-cp", System.getProperty("java.class.path"), "io.tabby.node.NodeMain"));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FELIX_") || key.startsWith("TABBY_") || key.startsWith("ETCD_")
                || key.startsWith("CALICO_"));
        env.putAll(Map.ofEntries(
                Map.entry("ETCD_ENDPOINTS", String.join(",", etcdEndpoints)),
                Map.entry("NODENAME", name),
                Map.entry("IP", address + "/24"),
                Map.entry("IP6", address6 + "/64"),
                Map.entry("TABBY_IPV4POOL_CIDR", "10.251.0.0/16"),
                Map.entry("TABBY_IPV4POOL_IPIP", "Never"),
                Map.entry("TABBY_CNI_SOCKET", dir.resolve("cni.sock").toString()),
                Map.entry("TABBY_HEALTH_HOST", "127.0.0.1"),
                Map.entry("TABBY_HEALTH_PORT", Integer.toString(HEALTH_PORT)),
                Map.entry("TABBY_CONFD_DIR", dir.resolve("confd").toString()),
                Map.entry("TABBY_BIRD_CONFIG", dir.resolve("config/bird.cfg").toString()),
                Map.entry("TABBY_BIRD_SOCKET", socket().toString()),
                Map.entry("TABBY_BIRD6_CONFIG", dir.resolve("config/bird6.cfg").toString()),
                Map.entry("TABBY_BIRD6_SOCKET", dir.resolve("bird6.ctl").toString()),
                Map.entry("FELIX_DEFAULTENDPOINTTOHOSTACTION", "ACCEPT")));
        process = builder.start();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM; the exit status, or -1 if it did not end within 30 s. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL by PID if still running (finally blocks). */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** {@code GET path} on the health server: the status code, a newline, the body. */
    String get(String path) {
        CommandResult result = runner.run(Command.of(List.of("ip", "netns", "exec", namespace, "curl", "-s",
                "--max-time", "5", "-w", "\n%{http_code}", "http://127.0.0.1:" + HEALTH_PORT + path)));
        String out = result.stdout();
        int cut = out.lastIndexOf('\n');
        return cut < 0 ? out : out.substring(cut + 1) + "\n" + out.substring(0, cut);
    }

    /** {@code ip route show proto bird} in the node's namespace, one route a line. */
    List<String> birdRoutes() {
        return runner.runChecked(Command.of(List.of("ip", "-n", namespace, "route", "show", "proto", "bird")))
                .stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    String log() {
        try {
            return Files.readString(dir.resolve("node.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
