package io.tabby.platform.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs commands with {@link ProcessBuilder}. Stdout and stderr are drained on their own threads
 * so a chatty program cannot block on a full pipe; on timeout the process (and its descendants)
 * is killed forcibly.
 */
public final class ProcessCommandRunner implements CommandRunner {

    private static final Logger LOG = LogManager.getLogger(ProcessCommandRunner.class);

    @Override
    public CommandResult run(Command command) {
        LOG.debug("running {}", command::display);
        Process process = start(command);
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            feed(process, command);
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new CommandTimeoutException(command);
            }
            long grace = command.timeout().toMillis();
            return new CommandResult(command, process.exitValue(),
                    stdout.get(grace, TimeUnit.MILLISECONDS), stderr.get(grace, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            throw interrupted(process, command, e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IllegalStateException("could not read the output of '" + command.display() + "'", e);
        }
    }

    /**
     * Reads standard output on the calling thread as it arrives; stdin is written and stderr
     * drained on their own threads, and a watchdog kills the program at its timeout, which also
     * ends the read.
     */
    @Override
    public CommandResult runLines(Command command, Consumer<String> lines) {
        LOG.debug("running {} (output read line by line)", command::display);
        Process process = start(command);
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        Thread.startVirtualThread(() -> feed(process, command));
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.startVirtualThread(() -> {
            try {
                if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    kill(process);
                }
            } catch (InterruptedException e) {
                // the program ended and the reader no longer needs a watchdog
            }
        });
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.accept(line);
            }
            process.waitFor();
            if (timedOut.get()) {
                throw new CommandTimeoutException(command);
            }
            return new CommandResult(command, process.exitValue(), "",
                    stderr.get(command.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            kill(process);
            if (timedOut.get()) {
                throw new CommandTimeoutException(command);
            }
            throw new UncheckedIOException("could not read the output of '" + command.display() + "'", e);
        } catch (InterruptedException e) {
            throw interrupted(process, command, e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IllegalStateException("could not read the error output of '" + command.display() + "'", e);
        } catch (RuntimeException e) {
            kill(process); // the consumer failed: the rest of the output is not wanted
            throw e;
        } finally {
            watchdog.interrupt();
        }
    }

    private static IllegalStateException interrupted(Process process, Command command, InterruptedException e) {
        kill(process);
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while running '" + command.display() + "'", e);
    }

    private static Process start(Command command) {
        try {
            return new ProcessBuilder(command.argv()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start '" + command.display()
                    + "': is " + command.argv().getFirst() + " installed and on the PATH?", e);
        }
    }

    private static void feed(Process process, Command command) {
        try (OutputStream in = process.getOutputStream()) {
            if (command.stdin().isPresent()) {
                in.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The program may exit before reading all of stdin (e.g. on a parse error); its exit
            // code and stderr say why, so the broken pipe itself is only worth a debug line.
            LOG.debug("writing stdin of '{}' failed: {}", command.display(), e.getMessage());
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Thread::startVirtualThread);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
