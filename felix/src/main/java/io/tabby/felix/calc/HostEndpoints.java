package io.tabby.felix.calc;

import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Host endpoints in the calculation: their effective labels (own over their profiles'), the
 * addresses they add to the ip sets of selectors matching them (their expected addresses, as
 * Calico felix does), and this node's endpoints with their ordered policies. An endpoint without
 * an interface name is not programmed: Calico's felix would resolve it by its expected addresses
 * to interfaces, which this version does not (a warning says so).
 */
final class HostEndpoints {
    private static final Logger LOG = LogManager.getLogger(HostEndpoints.class);

    private HostEndpoints() {}

    /** The effective labels of every host endpoint (all nodes). */
    static Map<HostEndpointKey, Map<String, String>> labels(Map<HostEndpointKey, HostEndpoint> endpoints,
            Map<String, Map<String, String>> inherited) {
        Map<HostEndpointKey, Map<String, String>> labels = new HashMap<>();
        endpoints.forEach((key, hep) -> labels.put(key, EffectiveLabels.of(hep.labels(), hep.profileIds(), inherited)));
        return labels;
    }

    /** The endpoint's expected IPv4 and then IPv6 addresses, as {@code hash:ip} members. */
    static List<String> memberAddresses(HostEndpoint hep) {
        List<String> members = new ArrayList<>();
        hep.expectedIpv4Addrs().stream().map(IpAddr::toString).forEach(members::add);
        hep.expectedIpv6Addrs().stream().map(IpAddr::toString).forEach(members::add);
        return members;
    }

    /** This node's host endpoints that name an interface, with the policies that select them. */
    static Map<HostEndpointKey, HostEndpointUpdate> local(String nodeName, Map<HostEndpointKey, HostEndpoint> endpoints,
            Map<HostEndpointKey, Map<String, String>> labels, List<ParsedPolicy> sortedPolicies) {
        Map<HostEndpointKey, HostEndpointUpdate> local = new HashMap<>();
        endpoints.forEach((key, hep) -> {
            if (!key.node().equals(nodeName)) {
                return;
            }
            if (hep.name().isEmpty()) {
                LOG.warn("host endpoint {} names no interface; felix programs only host endpoints with a name", key);
                return;
            }
            EndpointPolicies tiers = EndpointPolicyResolver.resolve(sortedPolicies, labels.get(key), hep.profileIds());
            local.put(key, new HostEndpointUpdate(key, hep, tiers));
        });
        return local;
    }
}
