/**
 * The node agent's CNI service: {@link io.tabby.node.cni.WorkloadCniService} answers the requests
 * the {@code tabby} plugin forwards over the unix socket. ADD assigns IPv4 and/or IPv6 addresses
 * through IPAM (from the pools the config names, by name or CIDR), plumbs the veth pair between the
 * node and the pod ({@link io.tabby.node.cni.WorkloadPlumbing}) and writes the workload endpoint
 * key; any failure part-way rolls all of it back, and a repeated ADD answers the attachment that
 * exists. DEL undoes the same steps and succeeds when they are already undone, since a DEL that
 * fails is retried by the runtime forever. GC releases this node's attachments of the network that
 * the runtime no longer lists; STATUS says whether etcd is reachable.
 */
package io.tabby.node.cni;
