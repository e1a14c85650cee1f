package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

/**
 * The local speaker's side of the RIB.
 *
 * @param localAs our AS number
 * @param routerId our BGP identifier
 * @param clusterId our route reflection cluster id (RFC 4456 §7; BIRD defaults it to the router id)
 * @param defaultLocalPref LOCAL_PREF assumed for routes without one and added on iBGP export (100)
 * @param alwaysCompareMed compare MED between routes from different neighbour ASes too
 * @param preferOldestExternal prefer the older of two eBGP paths (RFC 5004), off by default
 * @param igpMetric the IGP cost to a route's next hop (decision step f)
 */
public record RibConfig(
        long localAs,
        int routerId,
        int clusterId,
        long defaultLocalPref,
        boolean alwaysCompareMed,
        boolean preferOldestExternal,
        IgpMetric igpMetric) {

    public static final long DEFAULT_LOCAL_PREF = 100;

    public RibConfig {
        if (localAs < 1 || localAs > 0xffffffffL) {
            throw new IllegalArgumentException("local AS " + localAs + " is outside 1..4294967295");
        }
        if (defaultLocalPref < 0 || defaultLocalPref > 0xffffffffL) {
            throw new IllegalArgumentException("default LOCAL_PREF " + defaultLocalPref + " is outside 0..4294967295");
        }
        requireNonNull(igpMetric, "igpMetric is null");
    }

    /** Defaults: cluster id = router id, LOCAL_PREF 100, MED per neighbour AS, no age step, IGP cost 0. */
    public static RibConfig of(long localAs, int routerId) {
        return new RibConfig(localAs, routerId, routerId, DEFAULT_LOCAL_PREF, false, false, IgpMetric.ZERO);
    }

    public RibConfig withClusterId(int value) {
        return new RibConfig(localAs, routerId, value, defaultLocalPref, alwaysCompareMed, preferOldestExternal, igpMetric);
    }

    public RibConfig withAlwaysCompareMed(boolean value) {
        return new RibConfig(localAs, routerId, clusterId, defaultLocalPref, value, preferOldestExternal, igpMetric);
    }

    public RibConfig withPreferOldestExternal(boolean value) {
        return new RibConfig(localAs, routerId, clusterId, defaultLocalPref, alwaysCompareMed, value, igpMetric);
    }

    public RibConfig withIgpMetric(IgpMetric value) {
        return new RibConfig(localAs, routerId, clusterId, defaultLocalPref, alwaysCompareMed, preferOldestExternal, value);
    }
}
