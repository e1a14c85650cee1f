package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A BGP peer, the value at {@code /calico/bgp/v1/global/peer_v4|v6/<ip>} and
 * {@code /calico/bgp/v1/host/<node>/peer_v4|v6/<ip>}. The v1 document is
 * {@code {"ip":"10.0.0.5","as_num":"64513"}} (the AS number is a JSON string, so that confd's
 * templates never see it as a float). The optional fields carry what Calico v3's confd adds to
 * its peers; each is null when absent and written only when present, in this order.
 *
 * @param ip {@code ip}: the peer address
 * @param asNumber {@code as_num}: 0 to 4294967295
 * @param rrClusterId {@code rr_cluster_id}; null when absent
 * @param password {@code password}; null when absent (a JSON null reads as absent)
 * @param sourceAddr {@code source_addr} ({@code UseNodeIP} or {@code None}); null when absent
 * @param port {@code port}: 0 to 65535; null when absent
 * @param keepNextHop {@code keep_next_hop}; null when absent
 * @param restartTime {@code restart_time} (seconds as text, e.g. {@code "120"}); null when absent
 * @param name the v3 resource name; stored as a trailing {@code name} only when it differs from
 *     {@link DerivedNames#of(IpAddr)}; a null argument means the derived name
 * @param unknown fields Tabby does not model, written back after the known ones
 */
public record BgpPeer(
        IpAddr ip,
        long asNumber,
        String rrClusterId,
        String password,
        String sourceAddr,
        Integer port,
        Boolean keepNextHop,
        String restartTime,
        String name,
        UnknownFields unknown) {

    /**
     * The field a node agent adds to the node-specific peer keys it derives from a selector-based
     * BGPPeer, naming that BGPPeer: such keys are the agent's to rewrite and remove, and are not
     * resources of their own.
     */
    public static final String EXPANDED_FROM_FIELD = "tabby_expanded_from";

    /** The largest 4-byte AS number. */
    public static final long MAX_AS_NUMBER = 0xFFFF_FFFFL;

    public BgpPeer {
        requireNonNull(ip, "ip is null");
        requireNonNull(unknown, "unknown is null");
        if (asNumber < 0 || asNumber > MAX_AS_NUMBER) {
            throw new IllegalArgumentException("AS number " + asNumber + " is out of range 0-" + MAX_AS_NUMBER);
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
        }
        if (name == null) {
            name = DerivedNames.of(ip);
        } else if (name.isEmpty()) {
            throw new IllegalArgumentException("peer name is empty");
        }
    }

    /** A v1 peer: address and AS number only, derived name. */
    public static BgpPeer of(IpAddr ip, long asNumber) {
        return new BgpPeer(ip, asNumber, null, null, null, null, null, null, null, UnknownFields.NONE);
    }

    /** True when the name is the one derived from the peer address (and so is not stored). */
    public boolean hasDerivedName() {
        return name.equals(DerivedNames.of(ip));
    }

    /** Whether a node agent derived this peer from a selector-based BGPPeer. */
    public boolean expanded() {
        return unknown.fields().containsKey(EXPANDED_FROM_FIELD);
    }
}
