package io.tabby.felix.testing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** v1 keys and JSON values as Calico writes them, for tests. */
public final class V1Json {
    private V1Json() {}

    public static String endpointKey(String node, String workload) {
        return "/calico/v1/host/" + node + "/workload/k8s/" + workload + "/endpoint/eth0";
    }

    public static String endpoint(String iface, String ip, Map<String, String> labels, String... profiles) {
        return endpointWithMac(iface, ip, "0a:58:0a:41:01:02", labels, profiles);
    }

    /** An endpoint whose {@code mac} is the pod interface's real MAC (felix writes a static ARP entry with it). */
    public static String endpointWithMac(String iface, String ip, String mac, Map<String, String> labels,
            String... profiles) {
        return "{\"state\":\"active\",\"name\":\"" + iface + "\",\"active_instance_id\":\"\","
                + "\"mac\":\"" + mac + "\",\"profile_ids\":" + strings(List.of(profiles))
                + ",\"ipv4_nets\":[\"" + ip + "/32\"],\"ipv6_nets\":[]"
                + (labels.isEmpty() ? "" : ",\"labels\":" + map(labels)) + "}";
    }

    /** A dual-stack endpoint: one /32 and one /128. */
    public static String dualStackEndpoint(String iface, String ip, String ip6, Map<String, String> labels,
            String... profiles) {
        return endpoint(iface, ip, labels, profiles).replace("\"ipv6_nets\":[]", "\"ipv6_nets\":[\"" + ip6 + "/128\"]");
    }

    public static String hostEndpointKey(String node, String endpoint) {
        return "/calico/v1/host/" + node + "/endpoint/" + endpoint;
    }

    /** A host endpoint on {@code iface} expecting {@code ip}. */
    public static String hostEndpoint(String iface, String ip, Map<String, String> labels, String... profiles) {
        return "{\"name\":\"" + iface + "\",\"expected_ipv4_addrs\":[\"" + ip + "\"]"
                + (labels.isEmpty() ? "" : ",\"labels\":" + map(labels))
                + (profiles.length == 0 ? "" : ",\"profile_ids\":" + strings(List.of(profiles))) + "}";
    }

    public static String policyKey(String name) {
        return "/calico/v1/policy/tier/default/policy/" + name;
    }

    public static String profileRulesKey(String name) {
        return "/calico/v1/policy/profile/" + name + "/rules";
    }

    public static String profileLabelsKey(String name) {
        return "/calico/v1/policy/profile/" + name + "/labels";
    }

    public static String poolKey(String cidrDash) {
        return "/calico/v1/ipam/v4/pool/" + cidrDash;
    }

    public static String pool(String cidr, boolean masquerade) {
        return "{\"cidr\":\"" + cidr + "\",\"ipip\":\"\",\"masquerade\":" + masquerade
                + ",\"ipam\":true,\"disabled\":false}";
    }

    /** A profile that allows everything both ways, as Calico's namespace profiles do. */
    public static String allowAllProfile() {
        return "{\"inbound_rules\":[{\"action\":\"allow\"}],\"outbound_rules\":[{\"action\":\"allow\"}]}";
    }

    public static String strings(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    public static String map(Map<String, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(",", "{", "}"));
    }
}
