package io.tabby.bird.wire.codec;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Notification;
import java.util.List;

/**
 * What decoding one message produced. The codec never throws on input: every malformed message is
 * one of these outcomes, ordered by severity as RFC 7606 §2 orders them.
 */
public sealed interface DecodeResult {

    /** The message, possibly with some attributes discarded (RFC 7606 "attribute discard"). */
    record Decoded(BgpMessage message, List<AttributeDiscard> discarded) implements DecodeResult {
        public Decoded {
            requireNonNull(message, "message is null");
            discarded = List.copyOf(requireNonNull(discarded, "discarded is null"));
        }

        public Decoded(BgpMessage message) {
            this(message, List.of());
        }
    }

    /**
     * An UPDATE whose attributes were malformed in a way that spoils its routes but not the session
     * (RFC 7606 "treat-as-withdraw"): every prefix it announced or withdrew is to be withdrawn.
     */
    record TreatAsWithdraw(List<PrefixList> withdrawn, String reason) implements DecodeResult {
        public TreatAsWithdraw {
            withdrawn = List.copyOf(requireNonNull(withdrawn, "withdrawn is null"));
            requireNonNull(reason, "reason is null");
        }

        /** Total number of prefixes to withdraw. */
        public int prefixCount() {
            return withdrawn.stream().mapToInt(PrefixList::size).sum();
        }
    }

    /** The session must end with this NOTIFICATION ("session reset", RFC 4271 §6). */
    record SessionReset(int code, int subcode, Bytes data, String reason) implements DecodeResult {
        public SessionReset {
            requireNonNull(data, "data is null");
            requireNonNull(reason, "reason is null");
        }

        public SessionReset(BgpError error, Bytes data, String reason) {
            this(error.code(), error.subcode(), data, reason);
        }

        public Notification notification() {
            return new Notification(code, subcode, data);
        }

        public boolean is(BgpError error) {
            return code == error.code() && subcode == error.subcode();
        }
    }
}
