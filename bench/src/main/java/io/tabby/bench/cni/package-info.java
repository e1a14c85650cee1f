/**
 * CNI ADD and DEL latency, driven exactly as a container runtime drives a plugin: a fresh pod
 * namespace per run, the plugin executable started with the CNI environment
 * ({@code CNI_COMMAND}, {@code CNI_CONTAINERID}, {@code CNI_NETNS}, {@code CNI_IFNAME},
 * {@code CNI_ARGS}, {@code CNI_PATH}) and the network config on stdin, timed from process start to
 * exit. Runs inside the "node" namespace that scripts/bench prepares (tabby-node serving the CNI
 * socket against its own etcd). The anchor, in the same run and the same way: Debian's reference
 * {@code ptp} plugin with {@code host-local} IPAM. Tabby runs twice, with and without the AOT
 * cache scripts/build trained, so the cache's effect is measured too. Namespaces are named
 * {@code bnch-*} and always removed.
 */
package io.tabby.bench.cni;
