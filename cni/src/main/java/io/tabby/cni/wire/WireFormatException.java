package io.tabby.cni.wire;

import java.io.IOException;

/** A frame that is not a valid protocol message (bad length, not JSON, missing fields). */
public final class WireFormatException extends IOException {
    public WireFormatException(String message) {
        super(message);
    }
}
