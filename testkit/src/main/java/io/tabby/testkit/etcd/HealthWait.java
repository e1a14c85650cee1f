package io.tabby.testkit.etcd;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Polls etcd's health until it answers, within a bound. {@code problem} is asked before each
 * poll and after the deadline; it explains why waiting is pointless (a dead process, with its
 * log) or what was seen, and ends the wait with that message.
 */
final class HealthWait {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private HealthWait() {
    }

    /**
     * @param fatal returns a message when waiting is pointless (for example the process died), else null
     * @param diagnostics what to add to a timeout message (for example the end of the log)
     */
    static void await(EtcdAdmin admin, String what, Supplier<String> fatal, Supplier<String> diagnostics) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            String problem = fatal.get();
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            if (admin.healthy()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " was not healthy within " + TIMEOUT + "; " + diagnostics.get());
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
