package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One step of a {@link NetBatchOps} batch: the link, address, route and neighbour changes that
 * setting up an interface needs, so that a whole set-up costs one {@code ip -batch} process.
 */
public sealed interface NetChange {

    /**
     * Create a veth pair with its MTU (and MACs, when given) set from the start: {@code name} in
     * the batch's namespace, {@code peerName} in {@code peerNs}. Both ends start down.
     */
    record AddVeth(String name, String peerName, NetNs peerNs, int mtu, Optional<String> mac,
                   Optional<String> peerMac) implements NetChange {
        public AddVeth {
            LinkNames.check(name);
            LinkNames.check(peerName);
            requireNonNull(peerNs, "peerNs is null");
            if (mtu < 68) {
                throw new IllegalArgumentException("MTU " + mtu + " for " + name + " is below the IPv4 minimum of 68");
            }
            mac = requireNonNull(mac, "mac is null").map(LinkNames::checkMac);
            peerMac = requireNonNull(peerMac, "peerMac is null").map(LinkNames::checkMac);
        }
    }

    /** Bring {@code device} up. */
    record SetUp(String device) implements NetChange {
        public SetUp {
            LinkNames.check(device);
        }
    }

    /** Add an address (already there: left as it is). */
    record AddAddress(Address address) implements NetChange {
        public AddAddress {
            requireNonNull(address, "address is null");
        }
    }

    /** {@code ip route replace}. */
    record ReplaceRoute(Route route) implements NetChange {
        public ReplaceRoute {
            requireNonNull(route, "route is null");
        }
    }

    /** A permanent neighbour entry, added or overwritten. */
    record ReplaceNeighbour(Neighbour neighbour) implements NetChange {
        public ReplaceNeighbour {
            requireNonNull(neighbour, "neighbour is null");
        }
    }
}
