package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.Update;
import java.time.Duration;
import java.util.Set;

/**
 * What the FSM asks its owner to do, in order. The transport runs the connection and timer
 * actions on the session's event loop; the RIB actions are handed to the RIB's queue.
 */
public sealed interface FsmAction {

    /** Open an outgoing TCP connection to the peer (active mode only). */
    record Connect() implements FsmAction {
    }

    /** Close the connection (or abandon the attempt), after flushing anything queued before. */
    record CloseConnection() implements FsmAction {
    }

    record SendOpen(Open open) implements FsmAction {
        public SendOpen {
            requireNonNull(open, "open is null");
        }
    }

    record SendKeepalive() implements FsmAction {
    }

    record SendNotification(Notification notification) implements FsmAction {
        public SendNotification {
            requireNonNull(notification, "notification is null");
        }

        public SendNotification(int code, int subcode) {
            this(new Notification(code, subcode));
        }
    }

    /** (Re)start a timer: a running timer of the same kind is replaced. */
    record StartTimer(TimerKind kind, Duration duration) implements FsmAction {
        public StartTimer {
            requireNonNull(kind, "kind is null");
            requireNonNull(duration, "duration is null");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("timer " + kind + " duration " + duration + " is negative");
            }
        }
    }

    record StopTimer(TimerKind kind) implements FsmAction {
        public StopTimer {
            requireNonNull(kind, "kind is null");
        }
    }

    /**
     * The session is up: the transport switches the codec to {@code negotiated.options()} before
     * decoding the next frame, and the RIB starts exchanging routes.
     */
    record SessionEstablished(Negotiated negotiated) implements FsmAction {
        public SessionEstablished {
            requireNonNull(negotiated, "negotiated is null");
        }
    }

    /**
     * An Established session ended. The RIB drops the peer's routes of every family except
     * {@code staleFamilies}, whose routes it keeps, marked stale (RFC 4724 §4.2), until a
     * {@link FlushStale} for them.
     */
    record SessionDown(DownReason reason, Set<AfiSafi> staleFamilies) implements FsmAction {
        public SessionDown {
            requireNonNull(reason, "reason is null");
            staleFamilies = Set.copyOf(requireNonNull(staleFamilies, "staleFamilies is null"));
        }
    }

    /** Drop the peer's routes of these families that are still marked stale. */
    record FlushStale(Set<AfiSafi> families) implements FsmAction {
        public FlushStale {
            families = Set.copyOf(requireNonNull(families, "families is null"));
        }
    }

    /** Hand an UPDATE to the RIB. */
    record DeliverUpdate(Update update) implements FsmAction {
        public DeliverUpdate {
            requireNonNull(update, "update is null");
        }
    }

    /** Hand treat-as-withdraw prefixes to the RIB. */
    record DeliverWithdraw(DecodeResult.TreatAsWithdraw withdraw) implements FsmAction {
        public DeliverWithdraw {
            requireNonNull(withdraw, "withdraw is null");
        }
    }

    /** The peer asked to have a negotiated family re-advertised (RFC 2918). */
    record DeliverRouteRefresh(AfiSafi family) implements FsmAction {
        public DeliverRouteRefresh {
            requireNonNull(family, "family is null");
        }
    }
}
