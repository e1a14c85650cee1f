package io.tabby.confd.birdtemplates;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real BIRD 1.6 for a test: runs {@code bird -c <cfg> -s <socket> -P <pidfile>} in a network
 * namespace of its own (named {@code conf-<random>}, so its kernel protocol and BGP listener touch
 * nothing of the host's), and is asked questions through its control socket with {@code birdc},
 * as confd's {@code reload_cmd} does. {@link #close} kills it by the PID it wrote and deletes the
 * namespace.
 */
final class BirdDaemon implements AutoCloseable {
    private final String namespace = "conf-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private final Path socket;
    private final Path pidFile;
    private long pid = -1;
    private boolean namespaceCreated;

    private BirdDaemon(Path dir) {
        this.socket = dir.resolve("bird.ctl");
        this.pidFile = dir.resolve("bird.pid");
    }

    /** Starts BIRD on {@code config}; its socket and PID file go in {@code dir}. */
    static BirdDaemon start(Path config, Path dir) throws Exception {
        BirdDaemon bird = new BirdDaemon(dir);
        try {
            bird.run("ip", "netns", "add", bird.namespace);
            bird.namespaceCreated = true;
            bird.run("ip", "-n", bird.namespace, "link", "set", "lo", "up");
            // bird forks into the background once its config is read; the PID file names the daemon
            bird.run("ip", "netns", "exec", bird.namespace, "bird", "-c", config.toString(), "-s",
                    bird.socket.toString(), "-P", bird.pidFile.toString());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.isRegularFile(bird.pidFile) && !Files.readString(bird.pidFile).isBlank());
            bird.pid = Long.parseLong(Files.readString(bird.pidFile).strip());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> bird.birdc("show status").contains("Daemon is up and running"));
            return bird;
        } catch (Exception | Error e) {
            bird.close();
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    /** What {@code birdc -s <socket> <command>} prints. */
    String birdc(String command) throws IOException, InterruptedException {
        return run(List.of("birdc", "-s", socket.toString(), command));
    }

    private String run(String... argv) throws IOException, InterruptedException {
        return run(List.of(argv));
    }

    private String run(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IOException(String.join(" ", argv) + " did not finish within 20 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " exited " + process.exitValue() + ": " + output);
            }
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(daemon -> {
                    daemon.destroy();
                    try {
                        daemon.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        daemon.destroyForcibly();
                    }
                });
            }
        } finally {
            if (namespaceCreated) {
                run("ip", "netns", "delete", namespace);
            }
        }
    }
}
