package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

/** A failure that is answered to the runtime as the carried {@link CniError}. */
public final class CniException extends Exception {
    private final CniError error;

    public CniException(CniError error) {
        super(requireNonNull(error, "error is null").msg()
                + (error.details().isEmpty() ? "" : ": " + error.details()));
        this.error = error;
    }

    public CniException(int code, String msg, String details) {
        this(new CniError(code, msg, details));
    }

    public CniError error() {
        return error;
    }

    public static CniException invalidConfig(String msg, String details) {
        return new CniException(CniError.INVALID_NETWORK_CONFIG, msg, details);
    }

    public static CniException invalidEnv(String msg, String details) {
        return new CniException(CniError.INVALID_ENVIRONMENT, msg, details);
    }
}
