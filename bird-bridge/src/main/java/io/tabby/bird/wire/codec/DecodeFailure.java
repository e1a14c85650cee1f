package io.tabby.bird.wire.codec;

import io.tabby.bird.wire.Bytes;

/**
 * Internal unwinding from deep inside a decoder to its entry point, where it becomes a
 * {@link DecodeResult.SessionReset}. Never leaves this package; carries no stack trace.
 */
final class DecodeFailure extends Exception {
    private final transient DecodeResult.SessionReset reset;

    DecodeFailure(BgpError error, Bytes data, String reason) {
        super(reason, null, false, false);
        this.reset = new DecodeResult.SessionReset(error, data, reason);
    }

    DecodeFailure(BgpError error, String reason) {
        this(error, Bytes.EMPTY, reason);
    }

    DecodeResult.SessionReset reset() {
        return reset;
    }
}
