/**
 * The user-facing resources of the datastore: the Calico v3 kinds {@code IPPool}, {@code Node},
 * {@code BGPConfiguration}, {@code BGPPeer}, {@code FelixConfiguration}, and the policy kinds
 * {@code NetworkPolicy} (namespaced), {@code GlobalNetworkPolicy}, {@code Profile},
 * {@code HostEndpoint} and {@code WorkloadEndpoint} (namespaced), as tabbyctl reads, validates,
 * writes and prints them. Kubernetes {@code networking.k8s.io/v1} NetworkPolicies and {@code v1}
 * Namespaces are read too, translated as Calico's controllers translate them (a NetworkPolicy
 * {@code knp.default.<name>}, a Profile {@code kns.<namespace>}, see {@link
 * io.tabby.datastore.resource.NamespaceProfiles}). A namespaced resource is identified by
 * {@link io.tabby.datastore.resource.Resource#id()}, {@code <namespace>/<name>}.
 *
 * <p>A resource is an immutable record in the v3 shape ({@link io.tabby.datastore.resource.Resource}),
 * whatever the input said: {@link io.tabby.datastore.resource.ResourceParser} reads v3 YAML or JSON
 * and the older calicoctl v1 YAML and validates everything, reporting every problem with its file,
 * document and field. Tabby keeps no v3 copy in etcd: {@link io.tabby.datastore.resource.ResourceClient}
 * splits each resource into the classic v1 keys ({@code /calico/v1/...}, {@code /calico/bgp/v1/...})
 * that confd and felix read, and rebuilds resources from those keys. Each resource is written in one
 * etcd transaction guarded by the mod revisions it was read at. {@link io.tabby.datastore.resource.ResourceRenderer}
 * prints resources as calicoctl {@code get -o yaml|json} does.
 */
package io.tabby.datastore.resource;
