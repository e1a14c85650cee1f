package io.tabby.datastore.backend.etcd;

import static io.tabby.datastore.backend.etcd.EtcdKeyValues.bytes;
import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.lease.LeaseGrantResponse;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@link Backend} over a real etcd, through jetcd. Every call waits at most the request
 * timeout and fails with a typed exception; see {@link EtcdTxn} for how conditional writes are
 * checked and {@link EtcdWatch} for the watch guarantees.
 *
 * <p>{@link #connect} does not touch the network (jetcd connects on first use), so a wrong
 * address shows up as an {@link io.tabby.datastore.backend.UnavailableException} on the first
 * call; bad TLS files fail at once.
 *
 * <p>An update writes without a lease, as an etcd put does: a leased key that is updated loses
 * its lease (jetcd 0.8.5 cannot express etcd's {@code ignore_lease}).
 */
public final class EtcdBackend implements Backend {

    private static final Logger LOG = LogManager.getLogger(EtcdBackend.class);

    private final Client client;
    private final EtcdCalls calls;
    private final String endpoints;
    private final Set<WatchHandle> watches = ConcurrentHashMap.newKeySet();

    private EtcdBackend(Client client, EtcdCalls calls, String endpoints) {
        this.client = requireNonNull(client, "client is null");
        this.calls = requireNonNull(calls, "calls is null");
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
    }

    /**
     * A backend for the etcd described by {@code settings}.
     *
     * @throws IllegalArgumentException when an endpoint is malformed or a TLS file cannot be used
     */
    public static Backend connect(EtcdSettings settings) {
        requireNonNull(settings, "settings is null");
        EtcdEndpoints endpoints = EtcdEndpoints.parse(settings.endpoints(), settings.tls());
        Client client = EtcdClientFactory.create(settings, endpoints);
        ReconnectNudge reconnect = ReconnectNudge.of(client);
        EtcdErrors errors = new EtcdErrors(endpoints.describe(), settings.requestTimeout(), settings.username(),
                reconnect::now);
        LOG.debug("etcd client for {} (tls {}, user {})", endpoints.describe(), endpoints.tls(),
                settings.username().orElse("none"));
        return new EtcdBackend(client, new EtcdCalls(settings.requestTimeout(), errors), endpoints.describe());
    }

    @Override
    public Optional<KeyValue> get(String key) {
        requireNonNull(key, "key is null");
        GetResponse response = calls.await(() -> client.getKVClient().get(bytes(key)), "get " + key);
        return response.getKvs().stream().findFirst().map(EtcdKeyValues::keyValue);
    }

    @Override
    public ListResult list(String prefix, long revision) {
        requireNonNull(prefix, "prefix is null");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be 0 (current) or positive, not " + revision);
        }
        GetOption option = GetOption.builder()
                .withRange(EtcdKeyValues.rangeEnd(prefix))
                .withRevision(revision)
                .withSortField(GetOption.SortTarget.KEY)
                .withSortOrder(GetOption.SortOrder.ASCEND)
                .build();
        String operation = "list " + prefix + (revision == 0 ? "" : " at revision " + revision);
        GetResponse response;
        try {
            response = calls.await(() -> client.getKVClient().get(EtcdKeyValues.rangeStart(prefix), option),
                    operation, revision);
        } catch (CompactedException e) {
            throw new CompactedException(revision, new CompactionProbe(client.getWatchClient())
                    .compactRevision(prefix, revision).orElse(e.compactRevision()));
        }
        List<KeyValue> kvs = response.getKvs().stream().map(EtcdKeyValues::keyValue).toList();
        return new ListResult(kvs, revision == 0 ? response.getHeader().getRevision() : revision);
    }

    @Override
    public long create(String key, String value, long leaseId) {
        return commit(List.of(new TxnOp.Create(key, value, leaseId)));
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        return commit(List.of(new TxnOp.Update(key, value, expectedModRevision)));
    }

    @Override
    public long put(String key, String value, long leaseId) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        PutOption option = leaseId == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(leaseId).build();
        return calls.await(() -> client.getKVClient().put(bytes(key), bytes(value), option), "put " + key)
                .getHeader().getRevision();
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        return commit(List.of(new TxnOp.Delete(key, expectedModRevision)));
    }

    @Override
    public long commit(List<TxnOp> ops) {
        return new EtcdTxn(ops).commit(client.getKVClient(), calls);
    }

    @Override
    public long currentRevision() {
        // an empty transaction is a linearizable read that needs no permission on any key
        return calls.await(() -> client.getKVClient().txn().commit(), "read the current revision")
                .getHeader().getRevision();
    }

    @Override
    public Lease grantLease(Duration ttl) {
        requireNonNull(ttl, "ttl is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease TTL must be positive, not " + ttl);
        }
        long seconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        LeaseGrantResponse response = calls.await(() -> client.getLeaseClient().grant(seconds),
                "grant a lease of " + seconds + "s");
        return new Lease(response.getID(), Duration.ofSeconds(response.getTTL()));
    }

    @Override
    public Duration keepAliveOnce(long leaseId) {
        String lease = "lease " + Long.toHexString(leaseId);
        try {
            LeaseKeepAliveResponse response =
                    calls.await(() -> client.getLeaseClient().keepAliveOnce(leaseId), "keep " + lease + " alive");
            return Duration.ofSeconds(response.getTTL());
        } catch (NotFoundException e) {
            throw new NotFoundException(lease, lease + " has expired or was revoked; grant a new one");
        }
    }

    @Override
    public void revokeLease(long leaseId) {
        String operation = "revoke lease " + Long.toHexString(leaseId);
        try {
            calls.await(() -> client.getLeaseClient().revoke(leaseId), operation);
        } catch (NotFoundException alreadyGone) {
            LOG.debug("lease {} was already gone", Long.toHexString(leaseId));
        }
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(listener, "listener is null");
        if (fromRevision < 0) {
            throw new IllegalArgumentException("fromRevision must be 0 (from now) or positive, not " + fromRevision);
        }
        EtcdWatch watch = EtcdWatch.start(client.getWatchClient(), prefix, fromRevision, listener, calls.errors(),
                watches::remove);
        watches.add(watch);
        if (watch.isStopped()) {
            watches.remove(watch); // it failed while starting, before it was registered
        }
        return watch;
    }

    /** Closes the open watches first, silently (their owner is closing them), then the client. */
    @Override
    public void close() {
        LOG.debug("closing the etcd client for {} and {} watches", endpoints, watches.size());
        List.copyOf(watches).forEach(WatchHandle::close);
        client.close();
    }

    @Override
    public String toString() {
        return "etcd " + endpoints;
    }
}
