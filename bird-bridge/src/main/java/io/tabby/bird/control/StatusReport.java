package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.time.Instant;

/**
 * {@code show status}: the router id, when the daemon started and was last reconfigured, and
 * whether it is running normally.
 */
public record StatusReport(Inet4Address routerId, Instant lastReboot, Instant lastReconfiguration, DaemonState state) {

    public StatusReport {
        requireNonNull(routerId, "routerId is null");
        requireNonNull(lastReboot, "lastReboot is null");
        requireNonNull(lastReconfiguration, "lastReconfiguration is null");
        requireNonNull(state, "state is null");
    }

    /** The last line of {@code show status}, in BIRD's words. */
    public enum DaemonState {
        UP("Daemon is up and running"),
        RECONFIGURING("Reconfiguration in progress"),
        SHUTTING_DOWN("Shutdown in progress");

        private final String text;

        DaemonState(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
