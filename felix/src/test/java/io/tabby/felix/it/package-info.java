/**
 * felix on the real kernel: root, network namespaces named {@code felx-...}, nft iptables, ipset,
 * VXLAN, and a real etcd from {@code @RealEtcd}. Pods are plumbed as the CNI plugin does, with the
 * platform operations; everything in the node namespaces beyond that is felix's own work. Tests skip
 * with the reason (or fail under {@code TABBY_REQUIRE_ALL=1}) when they are not root or a tool is
 * missing, and delete their namespaces and processes even when they fail.
 */
package io.tabby.felix.it;
