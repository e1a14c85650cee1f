package io.tabby.ipam.check;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.ipam.AllocationAttributes;
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
import io.tabby.ipam.impl.CidrOrder;
import io.tabby.ipam.impl.Versioned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds every broken IPAM invariant in a snapshot. Pure: reads nothing, writes nothing. An
 * allocation without an endpoint is a leak only once it is older than the {@link LeakGrace}.
 */
public final class IpamChecker {

    private IpamChecker() {}

    /** Checks with {@link LeakGrace#standard()}: addresses assigned in the last 10 minutes are no leaks yet. */
    public static IpamReport check(IpamSnapshot snapshot) {
        return check(snapshot, LeakGrace.standard());
    }

    public static IpamReport check(IpamSnapshot snapshot, LeakGrace grace) {
        LeakGrace.Judge young = grace.at();
        List<IpamProblem> problems = new ArrayList<>();
        List<IpAddr> inGrace = new ArrayList<>();
        InUseAddresses inUse = new InUseAddresses(snapshot.endpoints());
        Map<String, Map<Cidr, Integer>> held = new TreeMap<>();
        Map<IpAddr, List<String>> allocatedIn = new TreeMap<>(
                (a, b) -> CidrOrder.INSTANCE.compare(Cidr.host(a), Cidr.host(b)));
        Map<Cidr, Versioned<AllocationBlock>> blocks = new TreeMap<>(CidrOrder.INSTANCE);
        blocks.putAll(snapshot.blocks());
        blocks.forEach((cidr, versioned) -> {
            AllocationBlock block = versioned.value();
            for (int ordinal : BlockQueries.allocatedOrdinals(block)) {
                IpAddr address = cidr.addressAt(ordinal);
                allocatedIn.computeIfAbsent(address, a -> new ArrayList<>()).add("block " + cidr);
                AllocationAttribute owner = BlockQueries.ownerOf(block, ordinal).orElseThrow();
                String handle = owner.handleId();
                if (handle == null || !snapshot.handles().containsKey(handle)) {
                    problems.add(new MissingHandle(address, cidr, handle));
                }
                if (handle != null) {
                    held.computeIfAbsent(handle, h -> new TreeMap<>(CidrOrder.INSTANCE)).merge(cidr, 1, Integer::sum);
                }
                boolean unused = !inUse.inUse(address) && !isLiveTunnel(owner, snapshot.nodes());
                if (unused && young.inGrace(owner.secondary())) {
                    inGrace.add(address);
                } else if (unused) {
                    Map<String, String> attributes = owner.secondary() == null ? Map.of() : owner.secondary();
                    problems.add(new LeakedAddress(address, cidr, ordinal, handle, attributes));
                }
            }
        });
        allocatedIn.forEach((address, where) -> {
            if (where.size() > 1) {
                problems.add(new AddressHeldTwice(address, where));
            }
        });
        inUse.shared().forEach((address, who) -> problems.add(new AddressHeldTwice(address, who)));
        checkUsedAddressesAreAllocated(inUse, blocks, problems);
        checkHandles(snapshot, held, problems);
        checkAffinities(snapshot, blocks, problems);
        return new IpamReport(snapshot.revision(), problems, inGrace);
    }

    private static void checkUsedAddressesAreAllocated(InUseAddresses inUse,
            Map<Cidr, Versioned<AllocationBlock>> blocks, List<IpamProblem> problems) {
        Map<IpAddr, String> users = new TreeMap<>((a, b) -> CidrOrder.INSTANCE.compare(Cidr.host(a), Cidr.host(b)));
        users.putAll(inUse.firstUsers());
        users.forEach((address, endpoint) -> blocks.forEach((cidr, block) -> {
            if (cidr.contains(address) && block.value().allocations().get(Math.toIntExact(cidr.ordinalOf(address)))
                    == null) {
                problems.add(new InUseButUnallocated(address, cidr, endpoint));
            }
        }));
    }

    private static boolean isLiveTunnel(AllocationAttribute owner, Set<String> nodes) {
        Map<String, String> attributes = owner.secondary() == null ? Map.of() : owner.secondary();
        return AllocationAttributes.isTunnelType(attributes.get(AllocationAttributes.TYPE))
                && nodes.contains(attributes.get(AllocationAttributes.NODE));
    }

    private static void checkHandles(IpamSnapshot snapshot, Map<String, Map<Cidr, Integer>> held,
            List<IpamProblem> problems) {
        Map<String, Versioned<IpamHandle>> handles = new TreeMap<>(snapshot.handles());
        handles.forEach((id, handle) -> {
            Map<Cidr, Integer> actual = held.getOrDefault(id, Map.of());
            Map<Cidr, Integer> recorded = new TreeMap<>(CidrOrder.INSTANCE);
            recorded.putAll(handle.value().block());
            Set<Cidr> all = new HashSet<>(recorded.keySet());
            all.addAll(actual.keySet());
            all.stream().sorted(CidrOrder.INSTANCE).forEach(cidr -> {
                int was = recorded.getOrDefault(cidr, 0);
                int is = actual.getOrDefault(cidr, 0);
                if (was != is) {
                    problems.add(new HandleCountMismatch(id, cidr, was, is));
                }
            });
        });
    }

    private static void checkAffinities(IpamSnapshot snapshot, Map<Cidr, Versioned<AllocationBlock>> blocks,
            List<IpamProblem> problems) {
        Map<Cidr, List<String>> confirmedBy = new TreeMap<>(CidrOrder.INSTANCE);
        Set<String> present = new HashSet<>();
        for (AffinityEntry entry : snapshot.affinities()) {
            present.add(entry.node() + "|" + entry.block());
            AffinityState state = entry.affinity().value().effectiveState();
            if (state == AffinityState.CONFIRMED && !entry.affinity().value().isDeleted()) {
                confirmedBy.computeIfAbsent(entry.block(), c -> new ArrayList<>()).add(entry.node());
            }
            Versioned<AllocationBlock> block = blocks.get(entry.block());
            String owner = block == null ? null : block.value().affineNode();
            if (!entry.node().equals(owner)) {
                problems.add(new DanglingAffinity(entry.node(), entry.block(), state, block != null, owner));
            } else if (state != AffinityState.CONFIRMED) {
                problems.add(new UnconfirmedAffinity(entry.node(), entry.block()));
            }
        }
        confirmedBy.forEach((cidr, nodes) -> {
            if (nodes.size() > 1) {
                problems.add(new BlockAffineToTwoNodes(cidr, nodes.stream().sorted().toList()));
            }
        });
        blocks.forEach((cidr, block) -> {
            String node = block.value().affineNode();
            if (node != null && !present.contains(node + "|" + cidr)) {
                problems.add(new BlockWithoutAffinity(cidr, node));
            }
        });
    }
}
