package io.tabby.datastore.testing;

import java.util.function.BooleanSupplier;

/**
 * Holds back every watch delivery while closed: a stream that stays up but carries nothing,
 * as a black-holed etcd connection does. Shared by all watches of one backend.
 */
final class WatchGate {
    private boolean open = true;

    synchronized void setOpen(boolean open) {
        this.open = open;
        notifyAll();
    }

    /** Wakes waiters so they re-check their own stop condition. */
    synchronized void wake() {
        notifyAll();
    }

    /** Blocks while the gate is closed, until it opens or {@code stop} says to give up. */
    synchronized void awaitOpen(BooleanSupplier stop) throws InterruptedException {
        while (!open && !stop.getAsBoolean()) {
            wait();
        }
    }
}
