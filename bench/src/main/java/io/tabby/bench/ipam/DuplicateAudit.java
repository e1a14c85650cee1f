package io.tabby.bench.ipam;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.block.BlockQueries;
import io.tabby.ipam.check.IpamChecker;
import io.tabby.ipam.check.IpamProblem;
import io.tabby.ipam.check.IpamSnapshot;
import io.tabby.ipam.check.SnapshotReader;
import io.tabby.ipam.impl.Versioned;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads every block back after the run and counts what must be zero: addresses allocated in two
 * blocks (the IPAM checker's rule), addresses the loops were handed twice, and addresses handed
 * to a handle that the blocks say belong to another handle or to nobody.
 *
 * @param blocks blocks read
 * @param allocations allocated ordinals over all blocks
 * @param handedOut addresses the loops were handed
 * @param duplicates the sum of the three counts above that must be zero
 */
record DuplicateAudit(int blocks, int allocations, int handedOut, int duplicates) {

    static DuplicateAudit of(Backend backend, Map<IpAddr, String> handedOut, int handedTwice) {
        IpamSnapshot snapshot = new SnapshotReader(backend).read();
        Map<IpAddr, String> owners = new HashMap<>();
        int allocations = 0;
        for (Map.Entry<Cidr, Versioned<AllocationBlock>> e : snapshot.blocks().entrySet()) {
            AllocationBlock block = e.getValue().value();
            for (int ordinal : BlockQueries.allocatedOrdinals(block)) {
                allocations++;
                owners.put(e.getKey().addressAt(ordinal),
                        BlockQueries.ownerOf(block, ordinal).map(AllocationAttribute::handleId).orElse(null));
            }
        }
        int heldTwice = IpamChecker.check(snapshot).of(IpamProblem.AddressHeldTwice.class).size();
        int wrongOwner = 0;
        for (Map.Entry<IpAddr, String> e : handedOut.entrySet()) {
            if (!e.getValue().equals(owners.get(e.getKey()))) {
                wrongOwner++;
            }
        }
        return new DuplicateAudit(snapshot.blocks().size(), allocations, handedOut.size(),
                heldTwice + handedTwice + wrongOwner);
    }
}
