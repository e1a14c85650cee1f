/**
 * The node agent's CNI service: {@link io.tabby.node.cni.WorkloadCniService} answers the requests
 * the {@code tabby} plugin forwards over the unix socket. ADD assigns addresses through IPAM, plumbs
 * the veth pair between the node and the pod ({@link io.tabby.node.cni.WorkloadPlumbing}) and writes
 * the workload endpoint key; any failure part-way rolls all of it back. DEL undoes the same steps and
 * succeeds when they are already undone, since a DEL that fails is retried by the runtime forever.
 */
package io.tabby.node.cni;
