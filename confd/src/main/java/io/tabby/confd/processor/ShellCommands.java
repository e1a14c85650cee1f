package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.exec.CommandTimeoutException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs a template resource's {@code check_cmd} or {@code reload_cmd} on platform's
 * {@link CommandRunner}. confd's commands are shell lines, so each runs as
 * {@code /bin/sh -c <line>} with the configured timeout. Every way a line can fail (non-zero exit,
 * timeout, shell not startable) comes back as a description, never as an exception: a failed
 * command is one resource's failure, counted and logged by {@link ResourceProcessor}.
 */
final class ShellCommands {
    private final CommandRunner runner;
    private final Duration timeout;

    ShellCommands(CommandRunner runner, Duration timeout) {
        this.runner = requireNonNull(runner, "runner is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The command that runs {@code line} through the shell, as confd runs its commands. */
    static Command command(String line, Duration timeout) {
        return new Command(List.of("/bin/sh", "-c", requireNonNull(line, "line is null")), Optional.empty(), timeout);
    }

    /** Runs {@code line}; empty when it exited 0, else what went wrong (exit status or timeout, and its output). */
    Optional<String> failure(String line) {
        CommandResult result;
        try {
            result = runner.run(command(line, timeout));
        } catch (CommandTimeoutException e) {
            return Optional.of("timed out after " + timeout + " and was killed");
        } catch (UncheckedIOException e) {
            return Optional.of("could not start /bin/sh: " + e.getMessage());
        }
        if (result.succeeded()) {
            return Optional.empty();
        }
        String output = (result.stdout().strip() + "\n" + result.stderr().strip()).strip();
        String status = "exited with status " + result.exitCode();
        return Optional.of(output.isEmpty() ? status : status + ": " + output);
    }
}
