package io.tabby.bird.transport;

import io.tabby.bird.session.FsmEvent;

/** Receives what happens on one {@link BgpConnection}, on the peer's event loop. */
public interface ConnectionListener {

    /** A received message (or a decoding outcome, or the connection's end) as an FSM event. */
    void onEvent(BgpConnection connection, FsmEvent event);

    /** The channel can take writes again after it was full (flow control toward the RIB thread). */
    void onWritable(BgpConnection connection);
}
