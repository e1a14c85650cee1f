package io.tabby.bird.wire.message;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Bytes;

/**
 * NOTIFICATION (RFC 4271 §4.5): an error code, subcode and diagnostic data; the session closes
 * after it is sent.
 * <pre>
 * +-----------+--------------+-----------------+
 * | Code (1)  | Subcode (1)  | Data (variable) |
 * +-----------+--------------+-----------------+
 * </pre>
 */
public record Notification(int code, int subcode, Bytes data) implements BgpMessage {
    public Notification {
        requireNonNull(data, "data is null");
        if (code < 0 || code > 255 || subcode < 0 || subcode > 255) {
            throw new IllegalArgumentException("NOTIFICATION code " + code + "/" + subcode + " out of 0..255");
        }
    }

    public Notification(int code, int subcode) {
        this(code, subcode, Bytes.EMPTY);
    }

    @Override
    public int typeCode() {
        return NOTIFICATION;
    }

    @Override
    public String toString() {
        return "Notification[" + code + "/" + subcode + (data.length() == 0 ? "" : " data " + data) + "]";
    }
}
