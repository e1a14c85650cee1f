package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A workload endpoint, the value at
 * {@code /calico/v1/host/<node>/workload/<orchestrator>/<workload>/endpoint/<endpoint>}.
 * JSON field order: {@code state, name, active_instance_id, mac, profile_ids, ipv4_nets,
 * ipv6_nets}, always written (a null list or MAC as JSON null), then {@code ipv4_nat,
 * ipv6_nat, labels, ipv4_gateway, ipv6_gateway}, written only when non-empty.
 *
 * @param state {@code state}: {@code active} means admin up; anything else drops all traffic
 * @param name {@code name}: the host-side interface, e.g. {@code cali0123456789a}
 * @param activeInstanceId {@code active_instance_id}, usually {@code ""}
 * @param mac {@code mac}: the container-side MAC in lower-case colon form; null is JSON null
 * @param profileIds {@code profile_ids}; null is JSON null
 * @param ipv4Nets {@code ipv4_nets}; null is JSON null
 * @param ipv6Nets {@code ipv6_nets}; null is JSON null
 * @param ipv4Nat {@code ipv4_nat}; omitted when empty
 * @param ipv6Nat {@code ipv6_nat}; omitted when empty
 * @param labels {@code labels}; omitted when empty, written sorted by key
 * @param ipv4Gateway {@code ipv4_gateway}; omitted when null
 * @param ipv6Gateway {@code ipv6_gateway}; omitted when null
 * @param unknown fields Tabby does not model
 */
public record WorkloadEndpoint(
        String state,
        String name,
        String activeInstanceId,
        String mac,
        List<String> profileIds,
        List<Cidr> ipv4Nets,
        List<Cidr> ipv6Nets,
        List<IpNat> ipv4Nat,
        List<IpNat> ipv6Nat,
        Map<String, String> labels,
        IpAddr ipv4Gateway,
        IpAddr ipv6Gateway,
        UnknownFields unknown) {

    /** The state of an endpoint that passes traffic. */
    public static final String ACTIVE = "active";

    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2})*");

    public WorkloadEndpoint {
        requireNonNull(state, "state is null");
        requireNonNull(name, "name is null");
        requireNonNull(activeInstanceId, "activeInstanceId is null");
        if (mac != null && !MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("MAC " + Quote.of(mac) + " is not in lower-case colon form");
        }
        profileIds = profileIds == null ? null : List.copyOf(profileIds);
        ipv4Nets = ipv4Nets == null ? null : List.copyOf(ipv4Nets);
        ipv6Nets = ipv6Nets == null ? null : List.copyOf(ipv6Nets);
        ipv4Nat = List.copyOf(requireNonNull(ipv4Nat, "ipv4Nat is null"));
        ipv6Nat = List.copyOf(requireNonNull(ipv6Nat, "ipv6Nat is null"));
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(unknown, "unknown is null");
    }

    /**
     * An active endpoint as the CNI plugin writes one: empty instance id, no NAT, no gateways.
     * Empty address lists are written as {@code []}.
     */
    public static WorkloadEndpoint active(String interfaceName, String mac, List<String> profileIds,
            List<Cidr> ipv4Nets, List<Cidr> ipv6Nets, Map<String, String> labels) {
        return new WorkloadEndpoint(ACTIVE, interfaceName, "", mac, profileIds, ipv4Nets, ipv6Nets, List.of(),
                List.of(), labels, null, null, UnknownFields.NONE);
    }
}
