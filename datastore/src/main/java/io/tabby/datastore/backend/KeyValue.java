package io.tabby.datastore.backend;

import static java.util.Objects.requireNonNull;

/**
 * One stored key as etcd reports it.
 *
 * @param key the full path, for example {@code /calico/v1/ipam/v4/pool/192.168.0.0-16}
 * @param value the stored text
 * @param createRevision the revision that created this incarnation of the key
 * @param modRevision the revision of the last write; the token for compare-and-swap
 * @param version how many writes this incarnation has seen (1 after create)
 * @param leaseId the lease the key is attached to, {@code 0} for none
 */
public record KeyValue(String key, String value, long createRevision, long modRevision, long version, long leaseId) {
    public KeyValue {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }
}
