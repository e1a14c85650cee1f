package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code show protocols}, with the details {@code show protocols all} adds.
 *
 * @param name the protocol's name, e.g. {@code kernel1} or {@code Mesh_10_0_0_2}
 * @param type the proto column
 * @param table the routing table, {@code master} for everything Tabby runs
 * @param state the state column
 * @param since when the state last changed
 * @param info the info column; for BGP build it with {@link #bgpInfo}
 * @param details the lines {@code show protocols all} prints
 */
public record ProtocolView(String name, ProtocolType type, String table, ProtocolState state, Instant since, String info,
        ProtocolDetails details) {

    public ProtocolView {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(table, "table is null");
        requireNonNull(state, "state is null");
        requireNonNull(since, "since is null");
        requireNonNull(info, "info is null");
        requireNonNull(details, "details is null");
    }

    /** The proto column. */
    public enum ProtocolType {
        KERNEL("Kernel"), DEVICE("Device"), DIRECT("Direct"), STATIC("Static"), BGP("BGP");

        private final String display;

        ProtocolType(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    /** The state column, BIRD's protocol states. */
    public enum ProtocolState {
        DOWN, START, UP, STOP, WAIT, FEED, FLUSH;

        public String display() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * BIRD's info column for a BGP protocol: the session state padded to 14 characters, then the last
     * error (e.g. {@code Socket: Connection refused}); a protocol that is down shows only the error.
     *
     * @param sessionState {@code Idle}, {@code Connect}, {@code Active}, {@code OpenSent},
     *     {@code OpenConfirm}, {@code Established}, {@code Close}, {@code Down} or {@code Passive}
     * @param lastError error class and text, e.g. {@code Received: Hold timer expired}
     */
    public static String bgpInfo(ProtocolState state, String sessionState, Optional<String> lastError) {
        requireNonNull(sessionState, "sessionState is null");
        requireNonNull(lastError, "lastError is null");
        if (state == ProtocolState.DOWN) {
            return lastError.orElse("");
        }
        return String.format("%-14s%s", sessionState, lastError.orElse(""));
    }
}
