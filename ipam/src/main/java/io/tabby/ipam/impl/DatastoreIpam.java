package io.tabby.ipam.impl;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.ipam.AddressInUseException;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.HandleAllocations;
import io.tabby.ipam.InvalidIpamRequestException;
import io.tabby.ipam.Ipam;
import io.tabby.ipam.IpamException;
import io.tabby.ipam.PoolExhaustedException;
import io.tabby.ipam.block.BlockAddresses;
import io.tabby.ipam.block.BlockAllocator;
import io.tabby.ipam.block.BlockQueries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@link Ipam} over a {@link Backend}: Calico's IPAM with compare-and-swap transactions only.
 *
 * <p>Within one instance, assignments for the same node take turns (a fair in-process lock per
 * node), as Calico's CNI plugin takes a host-wide IPAM lock: they would all write the node's
 * one affine block, and dozens of same-node writers racing through CAS mostly lose. Correctness
 * never rests on this lock; other processes and nodes are kept apart by the CAS writes alone.
 *
 * <p>An assignment first tries {@link FastAssigner}: one transaction against the node's cached
 * pools, labels and affine blocks, which re-checks every cached revision it relies on; when those
 * blocks are full, {@link FastClaimer} claims the next block first (three writes, guarded by the
 * same cached revisions). Only when that cannot serve the request does the full algorithm run
 * (affine blocks, claim, borrow).
 */
public final class DatastoreIpam implements Ipam {

    private static final Logger LOG = LogManager.getLogger(DatastoreIpam.class);

    private final IpamStore store;
    private final CasRetry retry;
    private final PoolSelection pools;
    private final BlockClaimer claimer;
    private final FamilyAssigner families;
    private final AddressReleaser releaser;
    private final HandleOps handles;
    private final HandleReader handleReader;
    private final NodeSnapshots snapshots;
    private final FastAssigner fast;
    private final Map<String, ReentrantLock> nodeTurns = new ConcurrentHashMap<>();

    /** Production wiring: Calico's 100 attempts per CAS loop, no checkpoints. */
    public DatastoreIpam(Backend backend) {
        this(backend, CasRetry.DEFAULT_ATTEMPTS, Checkpoint.NONE);
    }

    /**
     * @param maxAttempts the bound of every compare-and-swap loop
     * @param checkpoint told after each write of an operation (fault tests abandon operations there)
     */
    public DatastoreIpam(Backend backend, int maxAttempts, Checkpoint checkpoint) {
        this.store = new IpamStore(requireNonNull(backend, "backend is null"));
        this.retry = new CasRetry(maxAttempts);
        requireNonNull(checkpoint, "checkpoint is null");
        this.pools = new PoolSelection(store);
        this.claimer = new BlockClaimer(store, retry, checkpoint);
        BlockAssigner assigner = new BlockAssigner(store, retry, checkpoint);
        this.families = new FamilyAssigner(store, assigner, claimer);
        this.snapshots = new NodeSnapshots(store);
        this.fast = new FastAssigner(store, snapshots, new FastClaimer(store, claimer, snapshots), checkpoint);
        this.releaser = new AddressReleaser(store, retry, checkpoint, snapshots::blockWritten);
        this.handles = new HandleOps(store);
        this.handleReader = new HandleReader(backend, store);
    }

    @Override
    public AssignResult autoAssign(AssignRequest request) {
        requireNonNull(request, "request is null");
        return inTurn(request.node(), () -> assignAll(request));
    }

    private <T> T inTurn(String node, Supplier<T> work) {
        ReentrantLock turn = nodeTurns.computeIfAbsent(node, n -> new ReentrantLock(true));
        turn.lock();
        try {
            return work.get();
        } finally {
            turn.unlock();
        }
    }

    private AssignResult assignAll(AssignRequest request) {
        Optional<AssignResult> quick;
        try {
            quick = fast.tryAssign(request);
        } catch (RuntimeException e) {
            // it may have stopped part-way through a claim, leaving a pending affinity the snapshot does not know
            snapshots.forget(request.node());
            throw e;
        }
        if (quick.isPresent()) {
            LOG.debug("assigned {} {} to handle {} on node {} from its cached blocks", quick.get().ipv4(),
                    quick.get().ipv6(), request.handleId(), request.node());
            return quick.get();
        }
        try {
            return assignFully(request);
        } finally {
            // the full algorithm may have claimed, confirmed or filled blocks the snapshot does not know
            snapshots.forget(request.node());
        }
    }

    private AssignResult assignFully(AssignRequest request) {
        IpamConfig config = store.config();
        List<IpAddr> assigned = new ArrayList<>();
        try {
            List<IpAddr> v4 = assignFamily(request, IpFamily.V4, config);
            assigned.addAll(v4);
            List<IpAddr> v6 = assignFamily(request, IpFamily.V6, config);
            assigned.addAll(v6);
            LOG.debug("assigned {} {} to handle {} on node {}", v4, v6, request.handleId(), request.node());
            return new AssignResult(v4, v6);
        } catch (IpamException | DatastoreException e) {
            undo(assigned, e);
            throw e;
        }
    }

    private List<IpAddr> assignFamily(AssignRequest request, IpFamily family, IpamConfig config) {
        int want = request.count(family);
        if (want == 0) {
            return List.of();
        }
        List<IpPool> usable = pools.usable(family, request.pools(family), request.node());
        List<IpAddr> got = new ArrayList<>();
        try {
            got.addAll(families.assign(request, family, usable, config));
        } catch (IpamException | DatastoreException e) {
            undo(got, e);
            throw e;
        }
        if (got.size() < want) {
            undo(got, null);
            throw new PoolExhaustedException(family, want, got.size(), request.node(),
                    usable.stream().map(p -> p.cidr().toString()).toList().toString());
        }
        return got;
    }

    /** All or nothing: give back what a failed request took. */
    private void undo(List<IpAddr> taken, Exception cause) {
        if (taken.isEmpty()) {
            return;
        }
        try {
            releaseIps(new HashSet<>(taken));
        } catch (IpamException | DatastoreException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
            LOG.warn("could not release {} after a failed assignment; ipam check will report them as leaks: {}",
                    taken, e.getMessage());
        }
    }

    @Override
    public void assignIp(IpAddr address, String handleId, Map<String, String> attributes, String node) {
        requireNonNull(address, "address is null");
        requireNonNull(handleId, "handleId is null");
        requireNonNull(attributes, "attributes is null");
        requireNonNull(node, "node is null");
        IpPool pool = pools.enabledPoolHolding(Cidr.host(address)).orElseThrow(() -> new InvalidIpamRequestException(
                "address " + address + " is not inside any enabled IP pool: create or enable a pool holding it"));
        IpamConfig config = store.config();
        BlockKey key = new BlockKey(BlockAddresses.blockOf(address, PoolSelection.blockPrefix(pool)));
        inTurn(node, () -> retry.run(key.path(), () -> {
            Optional<Versioned<AllocationBlock>> read = store.read(key);
            if (read.isEmpty()) {
                // As Calico: the block of a chosen address is claimed for the node asking.
                claimer.claim(key.cidr(), node, config);
                read = store.read(key);
                if (read.isEmpty()) {
                    throw new NotFoundException(key.path(), "block " + key.cidr() + " vanished after its claim");
                }
            }
            AllocationBlock block = read.get().value();
            String owner = block.affineNode();
            if (config.strictAffinity() && owner != null && !owner.equals(node)) {
                throw new InvalidIpamRequestException("address " + address + " is in block " + block.cidr()
                        + " of node " + owner + " and strict affinity is on: choose an address of node " + node);
            }
            int ordinal = BlockAddresses.ordinalOf(block, address);
            Optional<AllocationAttribute> holder = BlockQueries.ownerOf(block, ordinal);
            if (holder.isPresent()) {
                throw new AddressInUseException(address, holder.get().handleId());
            }
            List<TxnOp> ops = new ArrayList<>();
            ops.add(store.update(key, BlockAllocator.assign(block, ordinal, handleId, attributes),
                    read.get().modRevision()));
            handles.adjust(handleId, key.cidr(), 1).ifPresent(ops::add);
            store.commit(ops);
            return null;
        }));
    }

    @Override
    public List<IpAddr> releaseByHandle(String handleId) {
        requireNonNull(handleId, "handleId is null");
        IpamHandleKey key = new IpamHandleKey(handleId);
        Optional<Versioned<IpamHandle>> handle = store.read(key);
        if (handle.isEmpty()) {
            return List.of();
        }
        List<IpAddr> released = new ArrayList<>();
        for (Cidr block : handle.get().value().block().keySet()) {
            released.addAll(releaser.releaseHandle(block, handleId));
        }
        dropStaleHandle(key);
        return sorted(released);
    }

    /** Deletes the handle when no block holds an address for it any more (its counts were wrong). */
    private void dropStaleHandle(IpamHandleKey key) {
        retry.run(key.path(), () -> {
            Optional<Versioned<IpamHandle>> current = store.read(key);
            if (current.isEmpty()) {
                return null;
            }
            for (Cidr cidr : current.get().value().block().keySet()) {
                Optional<Versioned<AllocationBlock>> block = store.read(new BlockKey(cidr));
                if (block.isPresent() && !BlockQueries.ordinalsOf(block.get().value(), key.handleId()).isEmpty()) {
                    return null;
                }
            }
            store.commit(List.of(store.delete(key, current.get().modRevision())));
            return null;
        });
    }

    @Override
    public Set<IpAddr> releaseIps(Set<IpAddr> addresses) {
        requireNonNull(addresses, "addresses is null");
        Map<Cidr, List<Integer>> byBlock = new TreeMap<>(CidrOrder.INSTANCE);
        Set<IpAddr> notAllocated = new HashSet<>();
        Map<IpFamily, List<Cidr>> blocks = new LinkedHashMap<>();
        for (IpAddr address : addresses) {
            Optional<Cidr> block = blocks.computeIfAbsent(address.family(), store::blockCidrs).stream()
                    .filter(cidr -> cidr.contains(address)).findFirst();
            if (block.isEmpty()) {
                notAllocated.add(address);
            } else {
                byBlock.computeIfAbsent(block.get(), c -> new ArrayList<>())
                        .add(Math.toIntExact(block.get().ordinalOf(address)));
            }
        }
        for (Map.Entry<Cidr, List<Integer>> entry : byBlock.entrySet()) {
            List<IpAddr> freed = releaser.releaseOrdinals(entry.getKey(), entry.getValue());
            for (int ordinal : entry.getValue()) {
                IpAddr address = entry.getKey().addressAt(ordinal);
                if (!freed.contains(address)) {
                    notAllocated.add(address);
                }
            }
        }
        return notAllocated;
    }

    @Override
    public List<IpAddr> ipsByHandle(String handleId) {
        requireNonNull(handleId, "handleId is null");
        Optional<Versioned<IpamHandle>> handle = store.read(new IpamHandleKey(handleId));
        List<IpAddr> addresses = new ArrayList<>();
        for (Cidr cidr : handle.map(h -> h.value().block().keySet()).orElse(Set.of())) {
            store.read(new BlockKey(cidr)).ifPresent(block -> {
                for (int ordinal : BlockQueries.ordinalsOf(block.value(), handleId)) {
                    addresses.add(cidr.addressAt(ordinal));
                }
            });
        }
        return sorted(addresses);
    }

    @Override
    public List<HandleAllocations> handles(String idPrefix) {
        return handleReader.handles(idPrefix);
    }

    @Override
    public Optional<String> handleOf(IpAddr address) {
        requireNonNull(address, "address is null");
        Optional<Cidr> cidr = store.blockCidrs(address.family()).stream()
                .filter(block -> block.contains(address)).findFirst();
        return cidr.flatMap(block -> store.read(new BlockKey(block)))
                .flatMap(block -> BlockQueries.ownerOf(block.value(),
                        Math.toIntExact(block.value().cidr().ordinalOf(address))))
                .map(AllocationAttribute::handleId);
    }

    @Override
    public Optional<Cidr> findPool(IpFamily family, String nameOrCidr) {
        requireNonNull(family, "family is null");
        requireNonNull(nameOrCidr, "nameOrCidr is null");
        return pools.find(family, nameOrCidr);
    }

    private static List<IpAddr> sorted(List<IpAddr> addresses) {
        List<IpAddr> out = new ArrayList<>(addresses);
        out.sort((a, b) -> CidrOrder.INSTANCE.compare(Cidr.host(a), Cidr.host(b)));
        return out;
    }
}
