package io.tabby.platform.exec;

import static java.util.Objects.requireNonNull;

/** A program exited non-zero; the message names the command, its exit code and its stderr. */
public class CommandFailedException extends RuntimeException {

    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(message(requireNonNull(result, "result is null")));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    private static String message(CommandResult result) {
        String stderr = result.stderr().strip();
        return "command '" + result.command().display() + "' failed with exit code " + result.exitCode()
                + (stderr.isEmpty() ? " (no stderr)" : ": " + stderr);
    }
}
