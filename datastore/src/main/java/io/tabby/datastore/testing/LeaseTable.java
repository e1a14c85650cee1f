package io.tabby.datastore.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Granted leases and when each expires. Which keys hang on a lease is read from the store, as
 * etcd's lessor does on revoke. Not thread-safe: {@link InMemoryBackend} guards it.
 */
final class LeaseTable {

    private record Granted(Duration ttl, Instant expiresAt) {}

    private final Map<Long, Granted> leases = new HashMap<>();
    // etcd hands out opaque non-zero ids; any distinct non-zero numbers will do here
    private long nextId = 0x7ab0_0000_0000_0001L;

    Lease grant(Duration ttl, Instant now) {
        requireNonNull(ttl, "ttl is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease needs a positive time to live, got " + ttl);
        }
        long id = nextId++;
        leases.put(id, new Granted(ttl, now.plus(ttl)));
        return new Lease(id, ttl);
    }

    boolean exists(long id) {
        return leases.containsKey(id);
    }

    /** Restarts the lease's countdown and returns its full time to live. */
    Duration keepAlive(long id, Instant now) {
        Granted granted = leases.get(id);
        if (granted == null) {
            throw unknown(id);
        }
        leases.put(id, new Granted(granted.ttl(), now.plus(granted.ttl())));
        return granted.ttl();
    }

    /** Forgets the lease; false when it was not there. */
    boolean revoke(long id) {
        return leases.remove(id) != null;
    }

    /** Removes and returns the leases whose time ran out by {@code now}, oldest deadline first. */
    List<Long> removeExpired(Instant now) {
        List<Map.Entry<Long, Granted>> expired = new ArrayList<>();
        for (Map.Entry<Long, Granted> entry : leases.entrySet()) {
            if (!entry.getValue().expiresAt().isAfter(now)) {
                expired.add(entry);
            }
        }
        expired.sort(Comparator.comparing((Map.Entry<Long, Granted> e) -> e.getValue().expiresAt())
                .thenComparing(Map.Entry::getKey));
        List<Long> ids = new ArrayList<>(expired.size());
        for (Map.Entry<Long, Granted> entry : expired) {
            ids.add(entry.getKey());
        }
        ids.forEach(leases::remove);
        return ids;
    }

    static NotFoundException unknown(long id) {
        return new NotFoundException("lease " + id, "lease " + id
                + " not found: it expired or was revoked (grant a new lease and write the key again)");
    }
}
