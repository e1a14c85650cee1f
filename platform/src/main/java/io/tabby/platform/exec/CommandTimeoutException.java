package io.tabby.platform.exec;

import static java.util.Objects.requireNonNull;

/** A program did not finish within its timeout and was killed. */
public class CommandTimeoutException extends RuntimeException {

    public CommandTimeoutException(Command command) {
        super("command '" + requireNonNull(command, "command is null").display() + "' did not finish within "
                + command.timeout() + " and was killed; check that the program is not waiting on a lock or input");
    }
}
