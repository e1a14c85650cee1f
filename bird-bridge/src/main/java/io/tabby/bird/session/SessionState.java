package io.tabby.bird.session;

/** The six states of the BGP FSM (RFC 4271 §8.2.2). */
public enum SessionState {
    IDLE,
    CONNECT,
    ACTIVE,
    OPEN_SENT,
    OPEN_CONFIRM,
    ESTABLISHED;

    /** Whether an OPEN has been sent on the connection, so leaving needs a NOTIFICATION. */
    public boolean openSent() {
        return this == OPEN_SENT || this == OPEN_CONFIRM || this == ESTABLISHED;
    }
}
