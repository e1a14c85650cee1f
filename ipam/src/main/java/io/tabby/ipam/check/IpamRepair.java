package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.ipam.block.BlockQueries;
import io.tabby.ipam.check.IpamProblem.AddressHeldTwice;
import io.tabby.ipam.check.IpamProblem.BlockAffineToTwoNodes;
import io.tabby.ipam.check.IpamProblem.BlockWithoutAffinity;
import io.tabby.ipam.check.IpamProblem.DanglingAffinity;
import io.tabby.ipam.check.IpamProblem.HandleCountMismatch;
import io.tabby.ipam.check.IpamProblem.InUseButUnallocated;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import io.tabby.ipam.check.IpamProblem.MissingHandle;
import io.tabby.ipam.check.IpamProblem.UnconfirmedAffinity;
import io.tabby.ipam.check.RepairAction.Outcome;
import io.tabby.ipam.impl.AddressReleaser;
import io.tabby.ipam.impl.CasRetry;
import io.tabby.ipam.impl.Checkpoint;
import io.tabby.ipam.impl.CidrOrder;
import io.tabby.ipam.impl.IpamStore;
import io.tabby.ipam.impl.Versioned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fixes what is safe to fix in a report: releases leaked addresses, removes dangling affinities,
 * confirms unfinished claims, gives blocks back their affinity, and rewrites handle counts from
 * the blocks. Every problem is first re-validated against a fresh snapshot (a problem that is gone
 * or changed is skipped, so a stale report never frees a live address), and every write compares
 * the revision it read. Blocks affine to two nodes and addresses held twice are left for an operator.
 */
public final class IpamRepair {

    private static final Logger LOG = LogManager.getLogger(IpamRepair.class);

    private final IpamStore store;
    private final SnapshotReader reader;
    private final AddressReleaser releaser;
    private final LeakGrace grace;

    /** Repairs with {@link LeakGrace#standard()}. */
    public IpamRepair(Backend backend) {
        this(backend, LeakGrace.standard());
    }

    /** @param grace an address younger than this is never released as a leak, whatever the report says */
    public IpamRepair(Backend backend, LeakGrace grace) {
        this.grace = requireNonNull(grace, "grace is null");
        this.store = new IpamStore(requireNonNull(backend, "backend is null"));
        this.reader = new SnapshotReader(backend);
        this.releaser = new AddressReleaser(store, new CasRetry(CasRetry.DEFAULT_ATTEMPTS), Checkpoint.NONE);
    }

    /** Repairs {@code report}'s problems; with {@code dryRun}, only says what it would do. */
    public List<RepairAction> repair(IpamReport report, boolean dryRun) {
        IpamSnapshot fresh = reader.read();
        Set<IpamProblem> current = new HashSet<>(IpamChecker.check(fresh, grace).problems());
        List<RepairAction> actions = new ArrayList<>();
        Set<String> handlesToRewrite = new HashSet<>();
        for (IpamProblem problem : report.problems()) {
            if (!current.contains(problem)) {
                actions.add(new RepairAction(problem, Outcome.SKIPPED, "no longer present"));
                continue;
            }
            RepairAction action = switch (problem) {
                case LeakedAddress p -> releaseLeak(p, dryRun);
                case DanglingAffinity p -> deleteAffinity(p, fresh, dryRun);
                case UnconfirmedAffinity p -> confirmAffinity(p, fresh, dryRun);
                case BlockWithoutAffinity p -> restoreAffinity(p, fresh, dryRun);
                case HandleCountMismatch p -> {
                    handlesToRewrite.add(p.handleId());
                    yield new RepairAction(p, dryRun ? Outcome.WOULD_FIX : Outcome.FIXED,
                            "rewrite handle " + p.handleId() + " from the blocks");
                }
                case MissingHandle p when p.handleId() != null -> {
                    handlesToRewrite.add(p.handleId());
                    yield new RepairAction(p, dryRun ? Outcome.WOULD_FIX : Outcome.FIXED,
                            "recreate handle " + p.handleId() + " from the blocks");
                }
                case MissingHandle p -> new RepairAction(p, Outcome.NOT_FIXED,
                        "an allocation without a handle id; release it with tabbyctl ipam release --ip=" + p.address());
                case BlockAffineToTwoNodes p -> new RepairAction(p, Outcome.NOT_FIXED,
                        "needs an operator: decide which node keeps the block");
                case AddressHeldTwice p -> new RepairAction(p, Outcome.NOT_FIXED,
                        "needs an operator: decide which holder keeps the address");
                case InUseButUnallocated p -> new RepairAction(p, Outcome.NOT_FIXED,
                        "needs an operator: assign the address to the workload's handle, or move the workload");
            };
            actions.add(action);
        }
        if (!dryRun && !handlesToRewrite.isEmpty()) {
            rewriteHandles(handlesToRewrite);
        }
        actions.forEach(a -> LOG.debug("ipam repair: {} - {}: {}", a.outcome(), a.problem().describe(), a.detail()));
        LOG.info("ipam repair{}: {} problems, {}", dryRun ? " (dry run)" : "", actions.size(), actions.stream()
                .collect(Collectors.groupingBy(RepairAction::outcome,
                        Collectors.counting())));
        return actions;
    }

    private RepairAction releaseLeak(LeakedAddress p, boolean dryRun) {
        if (dryRun) {
            return new RepairAction(p, Outcome.WOULD_FIX, "release " + p.address());
        }
        return releaser.releaseIfOwnedBy(p.block(), p.ordinal(), p.handleId())
                .map(a -> new RepairAction(p, Outcome.FIXED, "released " + a))
                .orElseGet(() -> new RepairAction(p, Outcome.SKIPPED, "the address changed owner meanwhile"));
    }

    private RepairAction deleteAffinity(DanglingAffinity p, IpamSnapshot fresh, boolean dryRun) {
        Versioned<BlockAffinity> affinity = affinityIn(fresh, p.node(), p.block());
        BlockAffinityKey key = new BlockAffinityKey(p.node(), p.block());
        return write(p, dryRun, "delete affinity " + key.path(), List.of(store.delete(key, affinity.modRevision())));
    }

    private RepairAction confirmAffinity(UnconfirmedAffinity p, IpamSnapshot fresh, boolean dryRun) {
        Versioned<BlockAffinity> affinity = affinityIn(fresh, p.node(), p.block());
        BlockAffinityKey key = new BlockAffinityKey(p.node(), p.block());
        return write(p, dryRun, "confirm affinity " + key.path(),
                List.of(store.update(key, BlockAffinity.of(AffinityState.CONFIRMED), affinity.modRevision())));
    }

    private RepairAction restoreAffinity(BlockWithoutAffinity p, IpamSnapshot fresh, boolean dryRun) {
        BlockAffinityKey key = new BlockAffinityKey(p.node(), p.block());
        if (fresh.nodes().contains(p.node())) {
            return write(p, dryRun, "create affinity " + key.path(),
                    List.of(store.create(key, BlockAffinity.of(AffinityState.CONFIRMED))));
        }
        Versioned<AllocationBlock> block = fresh.blocks().get(p.block());
        BlockKey blockKey = new BlockKey(p.block());
        if (BlockQueries.isEmpty(block.value())) {
            return write(p, dryRun, "delete empty block " + p.block() + " of removed node " + p.node(),
                    List.of(store.delete(blockKey, block.modRevision())));
        }
        AllocationBlock b = block.value();
        AllocationBlock unowned = new AllocationBlock(b.cidr(), null, b.strictAffinity(), b.allocations(),
                b.unallocated(), b.attributes(), b.deleted(), b.unknown());
        return write(p, dryRun, "clear the affinity of block " + p.block() + " of removed node " + p.node(),
                List.of(store.update(blockKey, unowned, block.modRevision())));
    }

    private RepairAction write(IpamProblem p, boolean dryRun, String what, List<TxnOp> ops) {
        if (dryRun) {
            return new RepairAction(p, Outcome.WOULD_FIX, what);
        }
        try {
            store.commit(ops);
            return new RepairAction(p, Outcome.FIXED, what);
        } catch (DatastoreException e) {
            return new RepairAction(p, Outcome.SKIPPED, what + " lost to a concurrent change: " + e.getMessage());
        }
    }

    /** Sets each handle's counts to what the blocks hold now (read after the leak releases). */
    private void rewriteHandles(Set<String> handleIds) {
        IpamSnapshot now = reader.read();
        Map<String, Map<Cidr, Integer>> held = new TreeMap<>();
        now.blocks().forEach((cidr, block) -> BlockQueries.countsByHandle(block.value())
                .forEach((handle, count) -> held.computeIfAbsent(handle, h -> new TreeMap<>(
                        CidrOrder.INSTANCE)).put(cidr, count)));
        for (String id : handleIds) {
            IpamHandleKey key = new IpamHandleKey(id);
            Map<Cidr, Integer> counts = held.getOrDefault(id, Map.of());
            Versioned<IpamHandle> existing = now.handles().get(id);
            try {
                if (existing == null && !counts.isEmpty()) {
                    store.commit(List.of(store.create(key, IpamHandle.of(counts))));
                } else if (existing != null && counts.isEmpty()) {
                    store.commit(List.of(store.delete(key, existing.modRevision())));
                } else if (existing != null && !existing.value().block().equals(counts)) {
                    IpamHandle old = existing.value();
                    store.commit(List.of(store.update(key, new IpamHandle(counts, old.deleted(), old.unknown()),
                            existing.modRevision())));
                }
            } catch (DatastoreException e) {
                LOG.warn("ipam repair: handle {} changed while being rewritten; run the check again: {}", id,
                        e.getMessage());
            }
        }
    }

    private static Versioned<BlockAffinity> affinityIn(IpamSnapshot snapshot, String node, Cidr block) {
        return snapshot.affinities().stream()
                .filter(a -> a.node().equals(node) && a.block().equals(block))
                .findFirst().orElseThrow().affinity();
    }
}
