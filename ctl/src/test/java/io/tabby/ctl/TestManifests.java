package io.tabby.ctl;

/** Input documents the command tests apply. */
public final class TestManifests {

    private TestManifests() {}

    public static final String TWO_POOLS = """
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata:
              name: default-ipv4-ippool
            spec:
              cidr: 192.168.0.0/16
              ipipMode: Always
              natOutgoing: true
            ---
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata:
              name: rack-a-v6
            spec:
              cidr: fd80:24e2:f998:72d6::/64
              disabled: true
              nodeSelector: rack == 'a'
            """;

    /** calicoctl v1 (Calico v2) form, IPIP and NAT on. */
    public static final String V1_POOL = """
            apiVersion: v1
            kind: ipPool
            metadata:
              cidr: 192.168.0.0/16
            spec:
              ipip:
                enabled: true
              nat-outgoing: true
            """;

    public static final String BGP = """
            apiVersion: projectcalico.org/v3
            kind: BGPConfiguration
            metadata:
              name: default
            spec:
              logSeverityScreen: Info
              nodeToNodeMeshEnabled: false
              asNumber: 64600
            ---
            apiVersion: projectcalico.org/v3
            kind: Node
            metadata:
              name: node1
            spec:
              bgp:
                ipv4Address: 10.0.2.15/24
            ---
            apiVersion: projectcalico.org/v3
            kind: Node
            metadata:
              name: node2
            spec:
              bgp:
                asNumber: 64513
                ipv4Address: 10.0.2.10/32
                ipv6Address: fd00::2/64
            ---
            apiVersion: projectcalico.org/v3
            kind: BGPPeer
            metadata:
              name: tor-global
            spec:
              peerIP: 10.0.0.5
              asNumber: 64513
            ---
            apiVersion: projectcalico.org/v3
            kind: BGPPeer
            metadata:
              name: node1-peer
            spec:
              node: node1
              peerIP: 10.0.0.6
              asNumber: 64514
            """;

    public static final String FELIX = """
            apiVersion: projectcalico.org/v3
            kind: FelixConfiguration
            metadata:
              name: default
            spec:
              logSeverityScreen: Info
              ipipEnabled: true
            ---
            apiVersion: projectcalico.org/v3
            kind: FelixConfiguration
            metadata:
              name: node.node1
            spec:
              logSeverityScreen: Debug
            """;

    /** The second document's ipipMode is not one of Always, CrossSubnet, Never. */
    public static final String BAD_SECOND_POOL = """
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata:
              name: good
            spec:
              cidr: 10.10.0.0/16
            ---
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata:
              name: bad
            spec:
              cidr: 10.20.0.0/16
              ipipMode: Sometimes
            """;
}
