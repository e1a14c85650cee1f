package io.tabby.ctl.policy;

/** Two namespaces with pods and Kubernetes policies, as the explain tests apply them. */
final class ExplainManifests {
    private ExplainManifests() {}

    /** Namespaces a (team alpha) and b (team beta), two pods in each. */
    static final String PODS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: a, labels: {team: alpha}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: b, labels: {team: beta}}
            ---
            apiVersion: projectcalico.org/v3
            kind: WorkloadEndpoint
            metadata: {namespace: a, labels: {app: client}}
            spec: {orchestrator: k8s, node: node1, pod: client, endpoint: eth0, ipNetworks: [10.66.1.1/32],
                   profiles: [kns.a], interfaceName: cali1client}
            ---
            apiVersion: projectcalico.org/v3
            kind: WorkloadEndpoint
            metadata: {namespace: a, labels: {app: other}}
            spec: {orchestrator: k8s, node: node1, pod: other, endpoint: eth0, ipNetworks: [10.66.1.2/32],
                   profiles: [kns.a], interfaceName: cali1other}
            ---
            apiVersion: projectcalico.org/v3
            kind: WorkloadEndpoint
            metadata: {namespace: b, labels: {app: web}}
            spec: {orchestrator: k8s, node: node-2, pod: web, endpoint: eth0, ipNetworks: [10.66.2.1/32],
                   profiles: [kns.b], interfaceName: cali2web}
            ---
            apiVersion: projectcalico.org/v3
            kind: WorkloadEndpoint
            metadata: {namespace: b, labels: {app: peer}}
            spec: {orchestrator: k8s, node: node-2, pod: peer, endpoint: eth0, ipNetworks: [10.66.2.2/32],
                   profiles: [kns.b], interfaceName: cali2peer}
            """;

    /** Ingress to b/web: TCP 80 from a's clients, TCP 8080 from 10.66.0.0/16 except 10.66.1.2. */
    static final String WEB_POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: b}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {team: alpha}}, podSelector: {matchLabels: {app: client}}}]
                ports: [{port: 80}]
              - from: [{ipBlock: {cidr: 10.66.0.0/16, except: [10.66.1.2/32]}}]
                ports: [{port: 8080}]
            """;

    /** Egress from a's clients: only to namespace b, TCP 80. */
    static final String CLIENT_EGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: client-out, namespace: a}
            spec:
              podSelector: {matchLabels: {app: client}}
              policyTypes: [Egress]
              egress:
              - to: [{namespaceSelector: {matchLabels: {team: beta}}}]
                ports: [{port: 80, protocol: TCP}]
            """;
}
