package io.tabby.bird.control;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BIRD 1.6 in its own network namespace ({@code bgpc-} prefix), in the foreground so the
 * process we hold is BIRD itself; stopped by PID and the namespace deleted on close.
 */
final class BirdDaemon implements AutoCloseable {

    final String namespace;
    final Path socket;
    private final Process process;

    private BirdDaemon(String namespace, Path socket, Process process) {
        this.namespace = namespace;
        this.socket = socket;
        this.process = process;
    }

    static BirdDaemon start(String namespace, Path dir, String config) throws Exception {
        run("ip", "netns", "add", namespace);
        try {
            run("ip", "-n", namespace, "link", "set", "lo", "up");
            Path file = dir.resolve(namespace + ".conf");
            Files.writeString(file, config);
            Path socket = dir.resolve(namespace + ".ctl");
            Process process = new ProcessBuilder("ip", "netns", "exec", namespace, "bird", "-f", "-c", file.toString(),
                    "-s", socket.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(namespace + ".log").toFile()).start();
            BirdDaemon daemon = new BirdDaemon(namespace, socket, process);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive() || Files.exists(socket));
                if (!process.isAlive()) {
                    throw new IllegalStateException("bird exited: " + Files.readString(dir.resolve(namespace + ".log")));
                }
            } catch (RuntimeException e) {
                daemon.close();
                throw e;
            }
            return daemon;
        } catch (Exception e) {
            run("ip", "netns", "del", namespace);
            throw e;
        }
    }

    /** Runs a command in the daemon's namespace and returns its output. */
    String exec(String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            run("ip", "netns", "del", namespace);
        }
    }
}
