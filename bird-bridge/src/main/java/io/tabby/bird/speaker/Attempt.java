package io.tabby.bird.speaker;

import io.netty.channel.ChannelFuture;
import io.tabby.bird.session.SessionFsm;
import io.tabby.bird.transport.BgpConnection;
import io.tabby.bird.transport.LoopTimers;

/**
 * One FSM of a peer with the connection it owns: the peer's main FSM, or the second one that
 * serves an incoming connection during a collision. Used only on the peer's event loop.
 */
final class Attempt {
    final SessionFsm fsm;
    final LoopTimers timers;
    /** The connection, once up; null before and after. */
    BgpConnection connection;
    /** An outgoing connection in progress. */
    ChannelFuture connecting;
    /** Whether {@link #connection} was opened by us (RFC 4271 §6.8 needs to know). */
    boolean outgoing;
    InboundGate gate;
    boolean discarded;

    Attempt(SessionFsm fsm, LoopTimers timers) {
        this.fsm = fsm;
        this.timers = timers;
    }

    /** Closes the connection or abandons the attempt; the FSM hears nothing more of it. */
    void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
            gate = null;
        }
        if (connecting != null) {
            ChannelFuture pending = connecting;
            connecting = null;
            pending.cancel(false);
            pending.channel().close();
        }
    }
}
