package io.tabby.confd.command;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The real {@link CommandRunner}: {@code /bin/sh -c <command>}, output collected, killed (with its children) on timeout. */
public final class ProcessCommandRunner implements CommandRunner {
    private static final Logger LOG = LogManager.getLogger(ProcessCommandRunner.class);
    private static final int MAX_OUTPUT = 64 * 1024;

    @Override
    public CommandResult run(String command, Duration timeout) {
        requireNonNull(command, "command is null");
        requireNonNull(timeout, "timeout is null");
        Process process;
        try {
            process = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new CommandResult(-1, "cannot start /bin/sh: " + e.getMessage(), false);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the command does not read its input anyway
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().name("command-output").start(() -> drain(process.getInputStream(), output));
        try {
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                reader.join(Duration.ofSeconds(1));
                LOG.debug("command timed out after {}: {}", timeout, command);
                return new CommandResult(-1, text(output), true);
            }
            reader.join(Duration.ofSeconds(5));
            return new CommandResult(process.exitValue(), text(output), false);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult(-1, "interrupted", false);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    if (out.size() < MAX_OUTPUT) {
                        out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
