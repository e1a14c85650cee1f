package io.tabby.ctl;

/** Policy-kind documents the command tests apply. */
public final class PolicyManifests {

    private PolicyManifests() {}

    /** Two namespaced policies, a global one, a profile, a host endpoint and two workload endpoints. */
    public static final String POLICIES = """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: allow-web, namespace: shop}
            spec:
              order: 100
              selector: app == 'web'
              ingress:
              - action: Allow
                protocol: TCP
                source: {selector: role == 'frontend'}
                destination: {ports: [80, "8000:8080"]}
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: batch}
            spec:
              selector: all()
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: allow-dns}
            spec:
              order: 10.5
              selector: has(dns-client)
              egress:
              - action: Allow
                protocol: UDP
                destination: {ports: [53]}
            ---
            apiVersion: projectcalico.org/v3
            kind: Profile
            metadata: {name: kns.shop}
            spec:
              ingress: [{action: Allow}]
              egress: [{action: Allow}]
              labelsToApply: {pcns.projectcalico.org/name: shop, pcns.team: a}
            ---
            apiVersion: projectcalico.org/v3
            kind: HostEndpoint
            metadata: {name: node1-eth0, labels: {role: edge}}
            spec:
              node: node1
              interfaceName: eth0
              expectedIPs: [10.0.2.15]
              profiles: [kns.shop]
            ---
            apiVersion: projectcalico.org/v3
            kind: WorkloadEndpoint
            metadata: {name: node1-k8s-web--1-eth0, namespace: shop, labels: {app: web}}
            spec:
              orchestrator: k8s
              node: node1
              pod: web-1
              endpoint: eth0
              ipNetworks: [192.168.1.5/32]
              ipNATs: [{internalIP: 192.168.1.5, externalIP: 172.16.0.5}]
              profiles: [kns.shop]
              interfaceName: cali0123456789a
              mac: 0a:58:c0:a8:01:05
            ---
            apiVersion: projectcalico.org/v3
            kind: WorkloadEndpoint
            metadata: {namespace: batch}
            spec:
              orchestrator: k8s
              node: node2
              pod: job-7
              endpoint: eth0
              ipNetworks: [192.168.2.7/32]
              profiles: [kns.batch]
              interfaceName: cali4f1c2d00000
            """;

    /** The seed demo's Kubernetes policies and a namespace. */
    public static final String KUBERNETES = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: a}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-frontend, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {role: frontend}}}]
                ports: [{port: 80}]
            """;
}
