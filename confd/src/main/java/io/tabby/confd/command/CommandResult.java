package io.tabby.confd.command;

import static java.util.Objects.requireNonNull;

/**
 * How a command ended.
 *
 * @param exitCode the exit status ({@code -1} when it timed out or could not start)
 * @param output standard output and error, interleaved, possibly cut short
 * @param timedOut whether it was killed for running past its timeout
 */
public record CommandResult(int exitCode, String output, boolean timedOut) {
    public CommandResult {
        requireNonNull(output, "output is null");
    }

    public static CommandResult success() {
        return new CommandResult(0, "", false);
    }

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** A short description for logs: exit status or timeout, and the output. */
    public String describe() {
        String status = timedOut ? "timed out" : "exited with status " + exitCode;
        String text = output.strip();
        return text.isEmpty() ? status : status + ": " + text;
    }
}
