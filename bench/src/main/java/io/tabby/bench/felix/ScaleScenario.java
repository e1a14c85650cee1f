package io.tabby.bench.felix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reproducible datastore for one node: {@code endpoints} workload endpoints spread over
 * {@value #NAMESPACES} namespaces, each with {@code app}, {@code role} and {@code env} labels and the
 * namespace label Calico's CNI adds; {@code policies} namespaced policies selecting an app in a
 * namespace, with ingress from other apps (ip sets), from nets and on ports, and egress to a role;
 * one allow-all {@code kns.*} profile per namespace; one masquerading pool.
 */
public final class ScaleScenario {
    public static final String NODE = "bench-node";
    static final int NAMESPACES = 50;
    static final int APPS = 40;
    private static final String[] ROLES = {"web", "api", "db", "cache"};
    private static final String[] ENVS = {"prod", "staging", "dev"};

    private final int endpoints;
    private final int policies;

    public ScaleScenario(int endpoints, int policies) {
        if (endpoints < 1 || endpoints > 60_000 || policies < 0) {
            throw new IllegalArgumentException("endpoints must be 1-60000 and policies >= 0");
        }
        this.endpoints = endpoints;
        this.policies = policies;
    }

    /** Every key and value of the initial state, in a stable order. */
    public Map<String, String> state() {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("/calico/v1/ipam/v4/pool/10.64.0.0-10", "{\"cidr\":\"10.64.0.0/10\",\"ipip\":\"\",\"masquerade\":true,"
                + "\"ipam\":true,\"disabled\":false}");
        for (int n = 0; n < NAMESPACES; n++) {
            kv.put("/calico/v1/policy/profile/kns.ns" + n + "/rules",
                    "{\"inbound_rules\":[{\"action\":\"allow\"}],\"outbound_rules\":[{\"action\":\"allow\"}]}");
        }
        for (int i = 0; i < endpoints; i++) {
            kv.put(endpointKey(i), endpoint(i, app(i)));
        }
        for (int p = 0; p < policies; p++) {
            kv.put("/calico/v1/policy/tier/default/policy/" + policyName(p), policy(p));
        }
        return kv;
    }

    static String endpointKey(int i) {
        return "/calico/v1/host/" + NODE + "/workload/k8s/" + namespace(i) + ".pod" + i + "/endpoint/eth0";
    }

    static String namespace(int i) {
        return "ns" + (i % NAMESPACES);
    }

    static String app(int i) {
        return "app" + ((i / NAMESPACES) % APPS);
    }

    /** Calico-style interface name: {@code cali} and eleven hex digits. */
    static String iface(int i) {
        return String.format(Locale.ROOT, "cali%011x", (long) i * 2654435761L % 0xfffffffffffL);
    }

    static String ip(int i) {
        return "10." + (64 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
    }

    /** Endpoint {@code i} carrying {@code app} as its app label. */
    static String endpoint(int i, String app) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", app);
        labels.put("env", ENVS[i % ENVS.length]);
        labels.put("projectcalico.org/namespace", namespace(i));
        labels.put("projectcalico.org/orchestrator", "k8s");
        labels.put("role", ROLES[i % ROLES.length]);
        String mac = String.format(Locale.ROOT, "0a:58:%02x:%02x:%02x:%02x", 64 + i / 65536, i / 256 % 256, i % 256, 1);
        return "{\"state\":\"active\",\"name\":\"" + iface(i) + "\",\"active_instance_id\":\"\",\"mac\":\"" + mac
                + "\",\"profile_ids\":[\"kns." + namespace(i) + "\"],\"ipv4_nets\":[\"" + ip(i)
                + "/32\"],\"ipv6_nets\":[],\"labels\":" + labels.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}")) + "}";
    }

    static String policyName(int p) {
        return "ns" + (p % NAMESPACES) + ".knp.default.allow-" + p;
    }

    /**
     * Policy {@code p}: selects one app in one namespace; ingress from two other apps of the
     * namespace on web ports, from a monitoring net on a metrics port; egress (every third policy)
     * to databases of the same namespace and to DNS.
     */
    static String policy(int p) {
        String ns = "ns" + (p % NAMESPACES);
        String app = "app" + (p / NAMESPACES % APPS);
        String peerA = "app" + ((p / NAMESPACES + 1) % APPS);
        String peerB = "app" + ((p / NAMESPACES + 7) % APPS);
        String inNs = "projectcalico.org/namespace == '" + ns + "'";
        List<String> ingress = new ArrayList<>();
        ingress.add("{\"action\":\"allow\",\"protocol\":\"tcp\",\"src_selector\":\"" + inNs + " && app in {'" + peerA
                + "', '" + peerB + "'}\",\"dst_ports\":[80,443,\"8000:8080\"]}");
        ingress.add("{\"action\":\"allow\",\"protocol\":\"tcp\",\"src_net\":\"192.168." + (p % 256)
                + ".0/24\",\"dst_ports\":[9090]}");
        if (p % 5 == 0) {
            ingress.add("{\"action\":\"deny\",\"src_selector\":\"env == 'dev'\"}");
        }
        String egress = p % 3 == 0
                ? "\"outbound_rules\":[{\"action\":\"allow\",\"protocol\":\"tcp\",\"dst_selector\":\"" + inNs
                        + " && role == 'db'\",\"dst_ports\":[5432]},{\"action\":\"allow\",\"protocol\":\"udp\","
                        + "\"dst_ports\":[53]}],"
                : "";
        String types = p % 3 == 0 ? "[\"ingress\",\"egress\"]" : "[\"ingress\"]";
        return "{\"order\":" + (1000 + p % 10) + ",\"inbound_rules\":[" + String.join(",", ingress) + "]," + egress
                + "\"selector\":\"" + inNs + " && app == '" + app + "'\",\"types\":" + types + "}";
    }
}
