package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.block.BlockQueries;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import io.tabby.ipam.impl.AddressReleaser;
import io.tabby.ipam.impl.CasRetry;
import io.tabby.ipam.impl.Checkpoint;
import io.tabby.ipam.impl.IpamStore;
import io.tabby.ipam.impl.Versioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * IPAM garbage collection for a removed node, as Calico's node controller does it: release the
 * leaked addresses in the node's blocks and those allocated for the node elsewhere (its pods and
 * tunnel addresses are gone with it), then give up each of its blocks, deleting it when empty and
 * otherwise clearing its affinity so the live addresses borrowed from it stay, and remove the
 * node's affinities. Every write is a compare-and-swap; run it again when it reports a conflict.
 */
public final class NodeGc {

    private static final Logger LOG = LogManager.getLogger(NodeGc.class);

    private final IpamStore store;
    private final SnapshotReader reader;
    private final AddressReleaser releaser;
    private final CasRetry retry = new CasRetry(CasRetry.DEFAULT_ATTEMPTS);
    private final LeakGrace grace;

    /** GC with {@link LeakGrace#standard()}. */
    public NodeGc(Backend backend) {
        this(backend, LeakGrace.standard());
    }

    /** @param grace an address younger than this is kept (an ADD for it may still be running elsewhere) */
    public NodeGc(Backend backend, LeakGrace grace) {
        this.grace = requireNonNull(grace, "grace is null");
        this.store = new IpamStore(requireNonNull(backend, "backend is null"));
        this.reader = new SnapshotReader(backend);
        this.releaser = new AddressReleaser(store, retry, Checkpoint.NONE);
    }

    public GcResult releaseNode(String node) {
        requireNonNull(node, "node is null");
        IpamSnapshot snapshot = reader.read().withoutNode(node);
        List<IpAddr> released = new ArrayList<>();
        for (LeakedAddress leak : IpamChecker.check(snapshot, grace).of(LeakedAddress.class)) {
            if (belongsToNode(leak, node, snapshot)) {
                releaser.releaseIfOwnedBy(leak.block(), leak.ordinal(), leak.handleId()).ifPresent(released::add);
            }
        }
        List<Cidr> deleted = new ArrayList<>();
        List<Cidr> unowned = new ArrayList<>();
        List<Cidr> affinities = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            for (Map.Entry<Cidr, Versioned<BlockAffinity>> entry : store.affinities(node, family).entrySet()) {
                Cidr cidr = entry.getKey();
                BlockAffinityKey affinityKey = new BlockAffinityKey(node, cidr);
                retry.run(affinityKey.path(), () -> {
                    giveUp(affinityKey, deleted, unowned);
                    return null;
                });
                affinities.add(cidr);
            }
        }
        GcResult result = new GcResult(node, released, deleted, unowned, affinities);
        LOG.info("IPAM GC of node {}: released {}, deleted blocks {}, kept blocks without affinity {},"
                + " removed affinities {}", node, released, deleted, unowned, affinities);
        return result;
    }

    private static boolean belongsToNode(LeakedAddress leak, String node, IpamSnapshot snapshot) {
        Versioned<AllocationBlock> block = snapshot.blocks().get(leak.block());
        boolean nodesBlock = block != null && node.equals(block.value().affineNode());
        return nodesBlock || node.equals(leak.attributes().get(AllocationAttributes.NODE));
    }

    /** Deletes the affinity with the block (when empty) or with the block's affinity cleared, in one transaction. */
    private void giveUp(BlockAffinityKey affinityKey, List<Cidr> deleted, List<Cidr> unowned) {
        Optional<Versioned<BlockAffinity>> affinity = store.read(affinityKey);
        if (affinity.isEmpty()) {
            return;
        }
        List<TxnOp> ops = new ArrayList<>();
        ops.add(store.delete(affinityKey, affinity.get().modRevision()));
        BlockKey blockKey = new BlockKey(affinityKey.cidr());
        Optional<Versioned<AllocationBlock>> block = store.read(blockKey);
        boolean ours = block.isPresent() && affinityKey.node().equals(block.get().value().affineNode());
        if (ours) {
            AllocationBlock b = block.get().value();
            if (BlockQueries.isEmpty(b)) {
                ops.add(store.delete(blockKey, block.get().modRevision()));
            } else {
                ops.add(store.update(blockKey, new AllocationBlock(b.cidr(), null, b.strictAffinity(), b.allocations(),
                        b.unallocated(), b.attributes(), b.deleted(), b.unknown()), block.get().modRevision()));
            }
        }
        store.commit(ops);
        if (ours) {
            (BlockQueries.isEmpty(block.get().value()) ? deleted : unowned).add(affinityKey.cidr());
        }
    }
}
