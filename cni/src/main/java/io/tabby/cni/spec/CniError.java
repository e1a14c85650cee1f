package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

/**
 * A CNI error as the spec defines it: a code, a short message and optional details. Codes 1-99
 * are reserved by the spec; the constants below are the ones it defines (50 and 51 only for
 * STATUS), and {@link #INTERNAL} is libcni's generic "internal error" code.
 */
public record CniError(int code, String msg, String details) {
    public static final int INCOMPATIBLE_VERSION = 1;
    public static final int UNSUPPORTED_FIELD = 2;
    public static final int UNKNOWN_CONTAINER = 3;
    public static final int INVALID_ENVIRONMENT = 4;
    public static final int IO_FAILURE = 5;
    public static final int DECODING_FAILURE = 6;
    public static final int INVALID_NETWORK_CONFIG = 7;
    public static final int TRY_AGAIN_LATER = 11;
    public static final int PLUGIN_NOT_AVAILABLE = 50;
    public static final int PLUGIN_NOT_AVAILABLE_LIMITED_CONNECTIVITY = 51;
    public static final int INTERNAL = 999;

    public CniError {
        if (code <= 0) {
            throw new IllegalArgumentException("code must be positive, got " + code);
        }
        requireNonNull(msg, "msg is null");
        requireNonNull(details, "details is null");
        if (msg.isBlank()) {
            throw new IllegalArgumentException("msg is blank");
        }
    }
}
