package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

/**
 * One dataplane step run on its own thread while the dataplane thread goes on with work that does
 * not touch the kernel (rendering and hashing chains), so that a long kernel write and felix's own
 * computation overlap. The step's state is handed over by {@link #join}: until then the dataplane
 * thread must not touch what the step uses.
 */
final class OverlappedStep {
    private final Thread thread;
    private RuntimeException failure;
    private Error error;

    private OverlappedStep(String name, Runnable work) {
        requireNonNull(work, "work is null");
        this.thread = Thread.ofPlatform().name(requireNonNull(name, "name is null")).daemon().unstarted(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            }
        });
    }

    /** Starts {@code work} on a thread named {@code name}. */
    static OverlappedStep start(String name, Runnable work) {
        OverlappedStep step = new OverlappedStep(name, work);
        step.thread.start();
        return step;
    }

    /**
     * Waits for the step, even through an interrupt (which is kept for the caller: the step's
     * commands have timeouts, and its state must be the caller's again before the caller returns),
     * and throws what it threw.
     */
    void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
