package io.tabby.bird.speaker;

import io.tabby.bird.transport.BgpConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure from the RIB thread to one connection: when more than {@link #HIGH} of its UPDATEs
 * wait in the RIB's queue, the socket stops being read; below {@link #LOW} it reads again. The
 * kernel's receive buffer then throttles the peer through TCP. Keepalives are unaffected: they are
 * sent by timers, and a peer's hold timer is ours to restart only for what we have read, so the
 * pause must stay far shorter than a hold time; the RIB drains thousands of UPDATEs per second.
 */
final class InboundGate {
    static final int HIGH = 2048;
    static final int LOW = 256;

    private final BgpConnection connection;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean paused = new AtomicBoolean();

    InboundGate(BgpConnection connection) {
        this.connection = connection;
    }

    /** An UPDATE of this connection entered the RIB's queue (peer loop). */
    void queued() {
        if (pending.incrementAndGet() >= HIGH && paused.compareAndSet(false, true)) {
            connection.setAutoRead(false);
        }
    }

    /** The RIB applied one of them (RIB thread). */
    void applied() {
        if (pending.decrementAndGet() <= LOW && paused.compareAndSet(true, false)) {
            connection.setAutoRead(true);
        }
    }
}
