package io.tabby.felix.api;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.Optional;
import java.util.Set;

/** What the calculation graph tells the dataplane; see the package documentation for the order. */
public sealed interface DataplaneMessage {

    /** The first complete picture has been sent; the dataplane may now touch the kernel. */
    record InSync() implements DataplaneMessage {}

    /**
     * An ip set with all its members.
     *
     * @param id the set id ({@code s:<hash>} for a selector, {@code all-ipam-pools}, ...)
     * @param kind the ipset type
     * @param members addresses ({@code hash:ip}, no prefix length) or networks ({@code hash:net})
     */
    record IpSetUpdate(String id, IpSetKind kind, Set<String> members) implements DataplaneMessage {
        public IpSetUpdate {
            requireNonNull(id, "id is null");
            requireNonNull(kind, "kind is null");
            members = Set.copyOf(requireNonNull(members, "members is null"));
        }
    }

    /** The set {@code id} is no longer used by any rule. */
    record IpSetRemove(String id) implements DataplaneMessage {
        public IpSetRemove {
            requireNonNull(id, "id is null");
        }
    }

    /** A pool, for NAT outgoing and the pool ip sets. */
    record IpPoolUpdate(IpPool pool) implements DataplaneMessage {
        public IpPoolUpdate {
            requireNonNull(pool, "pool is null");
        }
    }

    record IpPoolRemove(Cidr cidr) implements DataplaneMessage {
        public IpPoolRemove {
            requireNonNull(cidr, "cidr is null");
        }
    }

    /** A policy some local endpoint uses (tier {@code default}). */
    record ActivePolicyUpdate(String name, Policy policy) implements DataplaneMessage {
        public ActivePolicyUpdate {
            requireNonNull(name, "name is null");
            requireNonNull(policy, "policy is null");
        }
    }

    record ActivePolicyRemove(String name) implements DataplaneMessage {
        public ActivePolicyRemove {
            requireNonNull(name, "name is null");
        }
    }

    /** A profile some local endpoint uses; a profile without a rules key has empty rules. */
    record ActiveProfileUpdate(String name, ProfileRules rules) implements DataplaneMessage {
        public ActiveProfileUpdate {
            requireNonNull(name, "name is null");
            requireNonNull(rules, "rules is null");
        }
    }

    record ActiveProfileRemove(String name) implements DataplaneMessage {
        public ActiveProfileRemove {
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A local workload endpoint with the policies that apply to it, in evaluation order.
     *
     * @param id the endpoint's key
     * @param endpoint the endpoint as stored
     * @param tiers the ordered ingress and egress policies and the profiles
     */
    record WorkloadEndpointUpdate(WorkloadEndpointKey id, WorkloadEndpoint endpoint, EndpointPolicies tiers)
            implements DataplaneMessage {
        public WorkloadEndpointUpdate {
            requireNonNull(id, "id is null");
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(tiers, "tiers is null");
        }
    }

    record WorkloadEndpointRemove(WorkloadEndpointKey id) implements DataplaneMessage {
        public WorkloadEndpointRemove {
            requireNonNull(id, "id is null");
        }
    }

    /**
     * A host endpoint of this node (one with an interface name) with the policies that apply to it:
     * felix polices traffic entering the host through that interface ({@code cali-fh-<iface>},
     * ingress policies) and leaving through it ({@code cali-th-<iface>}, egress policies).
     *
     * @param id the endpoint's key
     * @param endpoint the endpoint as stored
     * @param tiers the ordered ingress and egress policies and the profiles
     */
    record HostEndpointUpdate(HostEndpointKey id, HostEndpoint endpoint, EndpointPolicies tiers)
            implements DataplaneMessage {
        public HostEndpointUpdate {
            requireNonNull(id, "id is null");
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(tiers, "tiers is null");
            if (endpoint.name().isEmpty()) {
                throw new IllegalArgumentException("host endpoint " + id + " has no interface name");
            }
        }
    }

    record HostEndpointRemove(HostEndpointKey id) implements DataplaneMessage {
        public HostEndpointRemove {
            requireNonNull(id, "id is null");
        }
    }

    /**
     * A node's VXLAN tunnel endpoint (this node's own included): felix makes the local one the
     * {@code vxlan.calico} device and programs a neighbour and an FDB entry for each remote one.
     *
     * @param node the node name
     * @param tunnelIp the address of the node's {@code vxlan.calico}
     * @param mac the MAC of the node's {@code vxlan.calico}
     * @param nodeIp the node's underlay address (its {@code bird_ip})
     */
    record VtepUpdate(String node, IpAddr tunnelIp, String mac, IpAddr nodeIp) implements DataplaneMessage {
        public VtepUpdate {
            requireNonNull(node, "node is null");
            requireNonNull(tunnelIp, "tunnelIp is null");
            requireNonNull(mac, "mac is null");
            requireNonNull(nodeIp, "nodeIp is null");
        }
    }

    /**
     * IPIP is on (some enabled IPv4 pool has {@code ipip}): felix keeps {@code tunl0} up with MTU
     * 1440 and this node's tunnel address ({@code IpInIpTunnelAddr}) as a /32, when it has one.
     *
     * @param node this node
     * @param address the tunnel address, if the node has one
     */
    record IpipTunnelUpdate(String node, Optional<IpAddr> address) implements DataplaneMessage {
        public IpipTunnelUpdate {
            requireNonNull(node, "node is null");
            requireNonNull(address, "address is null");
        }
    }

    /** IPIP is off: felix takes its address off {@code tunl0} (the device itself cannot be deleted). */
    record IpipTunnelRemove(String node) implements DataplaneMessage {
        public IpipTunnelRemove {
            requireNonNull(node, "node is null");
        }
    }

    record VtepRemove(String node) implements DataplaneMessage {
        public VtepRemove {
            requireNonNull(node, "node is null");
        }
    }

    /**
     * An IPAM block felix routes (see {@link RouteKind}): another node's block through the tunnel
     * or directly, or this node's own block as a blackhole.
     *
     * @param destination the block
     * @param node the node the block is affine to
     * @param kind how it is routed
     * @param gateway the next hop (the node's VXLAN tunnel address, or its node IP for IPIP and
     *     direct routes); empty exactly for a blackhole
     */
    record RouteUpdate(Cidr destination, String node, RouteKind kind, Optional<IpAddr> gateway)
            implements DataplaneMessage {
        public RouteUpdate {
            requireNonNull(destination, "destination is null");
            requireNonNull(node, "node is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(gateway, "gateway is null");
            if (gateway.isEmpty() != (kind == RouteKind.BLACKHOLE)) {
                throw new IllegalArgumentException("route to " + destination + " of kind " + kind
                        + (gateway.isEmpty() ? " needs a gateway" : " takes no gateway"));
            }
        }

        /** Another node's block through {@code kind}'s tunnel or directly, via {@code gateway}. */
        public static RouteUpdate via(Cidr destination, String node, RouteKind kind, IpAddr gateway) {
            return new RouteUpdate(destination, node, kind, Optional.of(requireNonNull(gateway, "gateway is null")));
        }

        /** This node's own block, as a blackhole. */
        public static RouteUpdate blackhole(Cidr destination, String node) {
            return new RouteUpdate(destination, node, RouteKind.BLACKHOLE, Optional.empty());
        }
    }

    record RouteRemove(Cidr destination) implements DataplaneMessage {
        public RouteRemove {
            requireNonNull(destination, "destination is null");
        }
    }
}
