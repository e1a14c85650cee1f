package io.tabby.bird.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tabby-bird} as a separate JVM in a network namespace, started from the test's own class
 * path ({@code ip netns exec NS java ... io.tabby.bird.BirdMain}); {@code ip netns exec} execs
 * java, so the process handle is the daemon's. Stopped by PID on close.
 */
final class TabbyBirdProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private TabbyBirdProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static List<String> javaCommand(String... args) {
        return javaCommandOf("io.tabby.bird.BirdMain", args);
    }

    static List<String> javaCommandOf(String main, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main));
        argv.addAll(List.of(args));
        return argv;
    }

    static TabbyBirdProcess start(String namespace, Path config, Path socket, Path log, boolean recovery) {
        return start("io.tabby.bird.BirdMain", namespace, config, socket, log, recovery);
    }

    /** {@code main} is {@code io.tabby.bird.BirdMain} or {@code io.tabby.bird.Bird6Main}. */
    static TabbyBirdProcess start(String main, String namespace, Path config, Path socket, Path log, boolean recovery) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(javaCommandOf(main, "-f", "-c", config.toString(), "-s", socket.toString()));
        if (recovery) {
            argv.add("-R");
        }
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new TabbyBirdProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start tabby-bird", e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no NOTIFICATION, no kernel clean-up, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits (at most 30 s) for the process to end by itself; its exit status, or -1 if it did not end. */
    int waitForExit() throws InterruptedException {
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM and wait (at most 30 s); whether it ended. */
    boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
