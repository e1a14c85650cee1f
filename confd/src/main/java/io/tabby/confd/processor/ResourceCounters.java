package io.tabby.confd.processor;

import java.util.concurrent.atomic.AtomicLong;

/** What happened to one template resource so far; read from any thread. Metrics will be built on these. */
public final class ResourceCounters {
    final AtomicLong renders = new AtomicLong();
    final AtomicLong renderFailures = new AtomicLong();
    final AtomicLong checkFailures = new AtomicLong();
    final AtomicLong writeFailures = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong reloads = new AtomicLong();
    final AtomicLong reloadFailures = new AtomicLong();

    /** Renders attempted (successful or not). */
    public long renders() {
        return renders.get();
    }

    public long renderFailures() {
        return renderFailures.get();
    }

    public long checkFailures() {
        return checkFailures.get();
    }

    public long writeFailures() {
        return writeFailures.get();
    }

    /** Times the destination was replaced. */
    public long updates() {
        return updates.get();
    }

    /** Reload commands that succeeded. */
    public long reloads() {
        return reloads.get();
    }

    public long reloadFailures() {
        return reloadFailures.get();
    }

    @Override
    public String toString() {
        return "renders=" + renders + " updates=" + updates + " reloads=" + reloads + " renderFailures="
                + renderFailures + " checkFailures=" + checkFailures + " writeFailures=" + writeFailures
                + " reloadFailures=" + reloadFailures;
    }
}
