package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * Felix's liveness report at {@code /calico/felix/v1/host/<node>/status} (with a TTL) and
 * {@code .../last_reported_status}: {@code {"time":"...","uptime":12.5,"first_update":true}}.
 *
 * @param time {@code time}: ISO-8601 timestamp text
 * @param uptimeSeconds {@code uptime}
 * @param firstUpdate {@code first_update}
 * @param unknown fields Tabby does not model
 */
public record FelixStatus(String time, double uptimeSeconds, boolean firstUpdate, UnknownFields unknown) {

    public FelixStatus {
        requireNonNull(time, "time is null");
        if (!Double.isFinite(uptimeSeconds)) {
            throw new IllegalArgumentException("uptime " + uptimeSeconds + " is not a finite number");
        }
        requireNonNull(unknown, "unknown is null");
    }

    public FelixStatus(String time, double uptimeSeconds, boolean firstUpdate) {
        this(time, uptimeSeconds, firstUpdate, UnknownFields.NONE);
    }
}
