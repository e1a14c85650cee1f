package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * An endpoint's oper status as Felix reports it under {@code /calico/felix/v1/host/<node>/}
 * (when endpoint reporting is on): {@code {"status":"up"}} or {@code "down"}.
 *
 * @param status {@code status}
 * @param unknown fields Tabby does not model
 */
public record EndpointStatus(String status, UnknownFields unknown) {

    public EndpointStatus {
        requireNonNull(status, "status is null");
        requireNonNull(unknown, "unknown is null");
    }

    public EndpointStatus(String status) {
        this(status, UnknownFields.NONE);
    }
}
