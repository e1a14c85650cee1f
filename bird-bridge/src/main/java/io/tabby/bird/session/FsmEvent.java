package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.RouteRefresh;
import io.tabby.bird.wire.message.Update;

/**
 * What can happen to a session (RFC 4271 §8.1): administrative events, timer expiries, TCP
 * connection events and received messages. Names follow the RFC's event names; timer expiries are
 * one event carrying the {@link TimerKind} (events 9–13 of the RFC plus our own timers).
 */
public sealed interface FsmEvent {

    /** Event 1: operator start ({@code enable}, a new or changed config); cancels a pending error wait. */
    record ManualStart() implements FsmEvent {
    }

    /** Event 2: operator stop ({@code disable}, removed config); Cease 6/2 if an OPEN was sent. */
    record ManualStop() implements FsmEvent {
    }

    /** Event 3: start unless an error wait is pending, in which case the wait stands. */
    record AutomaticStart() implements FsmEvent {
    }

    /** A timer the FSM started has run out (RFC events 9–13 and ours). */
    record TimerExpired(TimerKind kind) implements FsmEvent {
        public TimerExpired {
            requireNonNull(kind, "kind is null");
        }
    }

    /** Event 16 (Tcp_CR_Acked): our outgoing connection is up. */
    record TcpConnectionAcknowledged() implements FsmEvent {
    }

    /**
     * Event 17: an incoming connection from the peer was accepted and handed to this FSM. If an
     * outgoing attempt is pending, the transport abandons it: an FSM owns one connection at a time.
     */
    record TcpConnectionConfirmed() implements FsmEvent {
    }

    /** Event 18: the connection (or the attempt) failed or the peer closed it. */
    record TcpConnectionFails(String detail) implements FsmEvent {
        public TcpConnectionFails {
            requireNonNull(detail, "detail is null");
        }
    }

    /** Event 19: a well-formed OPEN (the codec's own checks passed). */
    record BgpOpenReceived(Open open) implements FsmEvent {
        public BgpOpenReceived {
            requireNonNull(open, "open is null");
        }
    }

    /** Event 21: the codec rejected a message header (or any message outside OPEN and UPDATE). */
    record BgpHeaderErr(DecodeResult.SessionReset reset) implements FsmEvent {
        public BgpHeaderErr {
            requireNonNull(reset, "reset is null");
        }
    }

    /** Event 22: the codec rejected an OPEN. */
    record BgpOpenMsgErr(DecodeResult.SessionReset reset) implements FsmEvent {
        public BgpOpenMsgErr {
            requireNonNull(reset, "reset is null");
        }
    }

    /** Event 23: collision detection (RFC 4271 §6.8) chose to close this connection. */
    record OpenCollisionDump() implements FsmEvent {
    }

    /** Events 24/25: a NOTIFICATION arrived; the connection is over. */
    record NotificationReceived(Notification notification) implements FsmEvent {
        public NotificationReceived {
            requireNonNull(notification, "notification is null");
        }
    }

    /** Event 26. */
    record KeepaliveReceived() implements FsmEvent {
    }

    /** Event 27: a decoded UPDATE (possibly an End-of-RIB marker). */
    record UpdateReceived(Update update) implements FsmEvent {
        public UpdateReceived {
            requireNonNull(update, "update is null");
        }
    }

    /** An UPDATE the codec turned into withdrawals (RFC 7606 treat-as-withdraw); counts as event 27. */
    record WithdrawReceived(DecodeResult.TreatAsWithdraw withdraw) implements FsmEvent {
        public WithdrawReceived {
            requireNonNull(withdraw, "withdraw is null");
        }
    }

    /** A ROUTE-REFRESH request (RFC 2918). */
    record RouteRefreshReceived(RouteRefresh request) implements FsmEvent {
        public RouteRefreshReceived {
            requireNonNull(request, "request is null");
        }
    }

    /** Event 28: the codec rejected an UPDATE with a session reset. */
    record UpdateMsgErr(DecodeResult.SessionReset reset) implements FsmEvent {
        public UpdateMsgErr {
            requireNonNull(reset, "reset is null");
        }
    }

    /** The event for a codec session reset, by the error code's message class (RFC 4271 §6.1–§6.3). */
    static FsmEvent decodeError(DecodeResult.SessionReset reset) {
        return switch (reset.code()) {
            case 2 -> new BgpOpenMsgErr(reset);
            case 3 -> new UpdateMsgErr(reset);
            default -> new BgpHeaderErr(reset);
        };
    }
}
