package io.tabby.platform.exec;

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
}
