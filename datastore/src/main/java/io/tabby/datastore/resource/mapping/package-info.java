/**
 * Resources to v1 keys and back, in typed form: a resource becomes {@link
 * io.tabby.datastore.resource.mapping.Entry} values (a typed key of the {@code /calico} layout and
 * the model record stored there), and the entries found under a kind's prefixes assemble back
 * into resources, each with the keys it was built from (its mod revisions are the resource's
 * version). The mapping is the one Calico's v3 update processors compute, written to etcd:
 *
 * <pre>
 * IPPool             /calico/v1/ipam/v4|v6/pool/&lt;cidr&gt;              (name kept in the JSON when not derived)
 * Node               /calico/v1/host/&lt;node&gt;/metadata, bird_ip, orchestrator_refs,
 *                    config/IpInIpTunnelAddr|IPv4VXLANTunnelAddr|VXLANTunnelMACAddr
 *                    /calico/bgp/v1/host/&lt;node&gt;/ip_addr_v4|v6 (always), network_v4|v6, as_num, rr_cluster_id
 * BGPConfiguration   default: /calico/bgp/v1/global/as_num, node_mesh, loglevel, listen_port,
 *                      svc_cluster_ips, svc_external_ips, communities, prefix_advertisements/ip_v4|ip_v6
 *                    node.&lt;node&gt;: /calico/bgp/v1/host/&lt;node&gt;/loglevel
 * BGPPeer            /calico/bgp/v1/global/peer_v4|v6/&lt;ip&gt;, /calico/bgp/v1/host/&lt;node&gt;/peer_v4|v6/&lt;ip&gt;;
 *                    with selectors or a password: whole, at /calico/resources/v3/projectcalico.org/bgppeers/&lt;name&gt;
 * FelixConfiguration default: /calico/v1/config/&lt;Name&gt;; node.&lt;node&gt;: /calico/v1/host/&lt;node&gt;/config/&lt;Name&gt;
 * NetworkPolicy      /calico/v1/policy/tier/default/policy/&lt;ns&gt;%2f&lt;name&gt;, selector scoped to the namespace
 * GlobalNetworkPolicy /calico/v1/policy/tier/default/policy/&lt;name&gt;
 * Profile            /calico/v1/policy/profile/&lt;name&gt;/rules, labels (labelsToApply)
 * HostEndpoint       /calico/v1/host/&lt;node&gt;/endpoint/&lt;name&gt;
 * WorkloadEndpoint   /calico/v1/host/&lt;node&gt;/workload/&lt;orch&gt;/&lt;ns&gt;.&lt;pod&gt; (k8s) or &lt;workload&gt;/endpoint/&lt;ep&gt;
 * </pre>
 *
 * Fields of a stored record that the v3 resource does not show (unknown JSON fields, a peer's
 * {@code rr_cluster_id} or plain password, a stored spelling such as {@code "ipip_mode":"always"})
 * are carried over from the current value on write, so a rewrite through Tabby loses nothing.
 */
package io.tabby.datastore.resource.mapping;
