package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.path.HostBirdIpKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.NodeBgpField;
import io.tabby.datastore.path.NodeBgpFieldKey;
import io.tabby.datastore.resource.AsNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes the node's own keys in one transaction that compares every key against what was read:
 * {@code metadata} (kept if present, else {@code {}}), {@code bird_ip}, {@code ip_addr_v4} and
 * {@code ip_addr_v6} (always, empty when none), {@code network_v4}/{@code network_v6} (set or
 * removed) and {@code as_num} (only when {@code AS} is given; otherwise the stored one stays).
 * {@code rr_cluster_id} and every other key are left alone.
 */
public final class NodeRegistration {
    private static final Logger LOG = LogManager.getLogger(NodeRegistration.class);
    static final int ATTEMPTS = 5;
    private final Backend backend;

    public NodeRegistration(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    /** The node's stored address of a field ({@code ip_addr_v4}), with its stored network's length. */
    public Optional<String> storedAddress(String node, NodeBgpField field) {
        return backend.get(new NodeBgpFieldKey(node, field).path()).map(KeyValue::value).filter(v -> !v.isEmpty());
    }

    /**
     * Writes the keys, retrying a few times when another writer changed them in between.
     *
     * @throws StartupException when another node already uses one of the addresses (calico/node
     *     stops in that case too), or the keys kept changing under us
     */
    public void register(String node, Optional<NodeAddress> v4, Optional<NodeAddress> v6, Optional<AsNumber> as) {
        checkConflicts(node, v4, v6);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<TxnOp> ops = new ArrayList<>();
            String metadataPath = new HostMetadataKey(node).path();
            if (backend.get(metadataPath).isEmpty()) {
                ops.add(TxnOp.create(metadataPath,
                        ValueCodec.INSTANCE.encode(new HostMetadataKey(node), HostMetadata.EMPTY)));
            }
            set(ops, new HostBirdIpKey(node).path(), v4.map(NodeAddress::addressText));
            set(ops, field(node, NodeBgpField.IP_ADDR_V4), Optional.of(v4.map(NodeAddress::addressText).orElse("")));
            set(ops, field(node, NodeBgpField.IP_ADDR_V6), Optional.of(v6.map(NodeAddress::addressText).orElse("")));
            set(ops, field(node, NodeBgpField.NETWORK_V4), v4.map(NodeAddress::networkText));
            set(ops, field(node, NodeBgpField.NETWORK_V6), v6.map(NodeAddress::networkText));
            if (as.isPresent()) {
                set(ops, field(node, NodeBgpField.AS_NUM), as.map(AsNumber::toString));
            }
            try {
                if (!ops.isEmpty()) {
                    backend.commit(ops);
                }
                LOG.info("node {} registered: ip_addr_v4={} ip_addr_v6={} as_num={}", node,
                        v4.map(NodeAddress::address).map(Object::toString).orElse("(none)"),
                        v6.map(NodeAddress::address).map(Object::toString).orElse("(none)"),
                        as.map(AsNumber::toString).or(() -> storedAs(node)).orElse("(global)"));
                return;
            } catch (RevisionConflictException | AlreadyExistsException | NotFoundException e) {
                LOG.info("node {} keys changed while registering (attempt {} of {}); reading them again", node,
                        attempt, ATTEMPTS);
            }
        }
        throw new StartupException("node " + node + ": its keys under /calico/bgp/v1/host/" + node
                + " kept changing during " + ATTEMPTS + " attempts to register; is another tabby-node running "
                + "with NODENAME=" + node + "?");
    }

    private Optional<String> storedAs(String node) {
        return storedAddress(node, NodeBgpField.AS_NUM);
    }

    /** Adds the op that makes {@code path} hold {@code wanted} (absent: no key), conditioned on what is there now. */
    private void set(List<TxnOp> ops, String path, Optional<String> wanted) {
        Optional<KeyValue> current = backend.get(path);
        if (wanted.isEmpty()) {
            current.ifPresent(kv -> ops.add(TxnOp.delete(path, kv.modRevision())));
        } else if (current.isEmpty()) {
            ops.add(TxnOp.create(path, wanted.get()));
        } else if (!current.get().value().equals(wanted.get())) {
            ops.add(TxnOp.update(path, wanted.get(), current.get().modRevision()));
        }
    }

    private static String field(String node, NodeBgpField field) {
        return new NodeBgpFieldKey(node, field).path();
    }

    /** calico/node refuses to start when another node already has this node's address. */
    private void checkConflicts(String node, Optional<NodeAddress> v4, Optional<NodeAddress> v6) {
        String prefix = KeyPaths.BGP + "host/";
        List<String> conflicts = new ArrayList<>();
        for (KeyValue kv : backend.list(prefix).kvs()) {
            String rest = kv.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0 || rest.substring(0, slash).equals(node) || kv.value().isEmpty()) {
                continue;
            }
            String other = rest.substring(0, slash);
            String leaf = rest.substring(slash + 1);
            if (leaf.equals(NodeBgpField.IP_ADDR_V4.segment()) && v4.isPresent()
                    && v4.get().addressText().equals(kv.value())) {
                conflicts.add("node '" + other + "' is already using the IPv4 address " + kv.value());
            }
            if (leaf.equals(NodeBgpField.IP_ADDR_V6.segment()) && v6.isPresent()
                    && v6.get().addressText().equals(kv.value())) {
                conflicts.add("node '" + other + "' is already using the IPv6 address " + kv.value());
            }
        }
        if (!conflicts.isEmpty()) {
            conflicts.forEach(c -> LOG.warn("{}.", c));
            throw new StartupException(String.join("; ", conflicts) + ". Two nodes cannot share an address: set IP/IP6 "
                    + "or IP_AUTODETECTION_METHOD for node " + node + ", or delete the stale node with "
                    + "'tabbyctl delete node <name>'");
        }
    }
}
