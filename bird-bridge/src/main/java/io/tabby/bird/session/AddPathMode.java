package io.tabby.bird.session;

/** BIRD's {@code add paths} switch: which ADD-PATH directions we offer (RFC 7911 §4). */
public enum AddPathMode {
    OFF(0),
    RX(1),
    TX(2),
    BOTH(3);

    private final int sendReceive;

    AddPathMode(int sendReceive) {
        this.sendReceive = sendReceive;
    }

    /** The Send/Receive field of the capability (1 receive, 2 send, 3 both); 0 for OFF. */
    public int sendReceive() {
        return sendReceive;
    }
}
