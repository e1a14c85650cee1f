package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.codec.DecodeResult;

/** The verdict on a received OPEN: accepted with what was negotiated, or rejected with a NOTIFICATION. */
public sealed interface OpenOutcome {

    record Accepted(Negotiated negotiated) implements OpenOutcome {
        public Accepted {
            requireNonNull(negotiated, "negotiated is null");
        }
    }

    record Rejected(DecodeResult.SessionReset reset) implements OpenOutcome {
        public Rejected {
            requireNonNull(reset, "reset is null");
        }
    }
}
