package io.tabby.platform.exec;

import java.util.function.Consumer;

/**
 * Runs a program and reports how it ended. Implementations never use a shell.
 *
 * <p>{@link #run} returns whatever exit code the program had; callers that need success call
 * {@link CommandResult#orThrow()} or use {@link #runChecked}.
 */
public interface CommandRunner {

    /**
     * Runs {@code command} to completion.
     *
     * @throws CommandTimeoutException if it outlives its timeout (it has been killed by then)
     * @throws java.io.UncheckedIOException if the program cannot be started (e.g. not installed)
     */
    CommandResult run(Command command);

    /** Runs {@code command} and throws {@link CommandFailedException} unless it exits 0. */
    default CommandResult runChecked(Command command) {
        return run(command).orThrow();
    }

    /**
     * Runs {@code command} to completion and hands its standard output to {@code lines} one line
     * at a time (without the line ends) instead of collecting it: for outputs of tens of megabytes
     * (a big {@code iptables-save}) that a caller only scans. The result's stdout is empty. This
     * default collects first; a runner that can stream overrides it.
     */
    default CommandResult runLines(Command command, Consumer<String> lines) {
        CommandResult result = run(command);
        result.stdout().lines().forEach(lines);
        return new CommandResult(command, result.exitCode(), "", result.stderr());
    }
}
