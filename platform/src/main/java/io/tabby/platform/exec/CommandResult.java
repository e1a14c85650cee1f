package io.tabby.platform.exec;

import static java.util.Objects.requireNonNull;

/**
 * What a finished program returned.
 *
 * @param command  the command that ran
 * @param exitCode its exit status
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 */
public record CommandResult(Command command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        requireNonNull(command, "command is null");
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws {@link CommandFailedException} if the exit code is not zero. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new CommandFailedException(this);
        }
        return this;
    }
}
