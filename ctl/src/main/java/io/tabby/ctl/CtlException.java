package io.tabby.ctl;

import static java.util.Objects.requireNonNull;

/**
 * A failure whose message is complete and meant for the user as it is: it names the input,
 * what is wrong with it and what to do. {@link CtlExceptionHandler} prints it and exits 1.
 */
public class CtlException extends RuntimeException {

    public CtlException(String message) {
        super(requireNonNull(message, "message is null"));
    }

    public CtlException(String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
    }
}
