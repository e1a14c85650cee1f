package io.tabby.ipam.check;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One broken IPAM invariant. Records, so that a problem found twice compares equal. */
public sealed interface IpamProblem {

    /** One line for an operator: what is wrong, where. */
    String describe();

    /** An allocation whose handle id is null or whose handle key does not exist. */
    record MissingHandle(IpAddr address, Cidr block, String handleId) implements IpamProblem {
        @Override
        public String describe() {
            return handleId == null
                    ? "address " + address + " in block " + block + " is allocated without a handle"
                    : "address " + address + " in block " + block + " belongs to handle " + handleId
                            + ", which does not exist";
        }
    }

    /** A handle's count for a block differs from what the block holds for it. */
    record HandleCountMismatch(String handleId, Cidr block, int recorded, int actual) implements IpamProblem {
        @Override
        public String describe() {
            return "handle " + handleId + " records " + recorded + " addresses in block " + block
                    + " but the block holds " + actual;
        }
    }

    /** An affinity whose block does not exist or is affine to another node ({@code blockOwner}, null when none). */
    record DanglingAffinity(String node, Cidr block, AffinityState state, boolean blockExists, String blockOwner)
            implements IpamProblem {
        @Override
        public String describe() {
            return "node " + node + " has a " + state.json() + " affinity for block " + block
                    + (blockExists ? " which is affine to " + (blockOwner == null ? "no node" : "node " + blockOwner)
                            : " which does not exist");
        }
    }

    /** A pending affinity for a block that is the node's: a claim that stopped before confirming. */
    record UnconfirmedAffinity(String node, Cidr block) implements IpamProblem {
        @Override
        public String describe() {
            return "node " + node + "'s affinity for its block " + block + " was never confirmed";
        }
    }

    /** A block affine to a node that has no affinity key for it. */
    record BlockWithoutAffinity(Cidr block, String node) implements IpamProblem {
        @Override
        public String describe() {
            return "block " + block + " is affine to node " + node + ", which has no affinity for it";
        }
    }

    /** More than one node holds a confirmed affinity for one block. */
    record BlockAffineToTwoNodes(Cidr block, List<String> nodes) implements IpamProblem {
        public BlockAffineToTwoNodes {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String describe() {
            return "block " + block + " is affine to several nodes: " + String.join(", ", nodes);
        }
    }

    /** One address allocated in two blocks, or used by two workload endpoints. */
    record AddressHeldTwice(IpAddr address, List<String> holders) implements IpamProblem {
        public AddressHeldTwice {
            holders = List.copyOf(holders);
        }

        @Override
        public String describe() {
            return "address " + address + " is held more than once: " + String.join("; ", holders);
        }
    }

    /** An allocated address no workload endpoint uses (and not the tunnel address of an existing node). */
    record LeakedAddress(IpAddr address, Cidr block, int ordinal, String handleId, Map<String, String> attributes)
            implements IpamProblem {
        public LeakedAddress {
            // sorted, so the same data always describes itself with the same text
            attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        }

        @Override
        public String describe() {
            return "address " + address + " in block " + block + " (handle " + handleId + ", " + attributes
                    + ") is allocated but no workload endpoint uses it";
        }
    }

    /**
     * A workload endpoint uses an address inside an IPAM block that the block has not allocated:
     * IPAM would hand it to the next pod (calico#1542).
     */
    record InUseButUnallocated(IpAddr address, Cidr block, String endpoint) implements IpamProblem {
        @Override
        public String describe() {
            return "address " + address + " is used by " + endpoint + " but is free in block " + block
                    + "; IPAM may give it to another pod";
        }
    }
}
