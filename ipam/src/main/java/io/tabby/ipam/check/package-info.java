/**
 * The IPAM invariant checker, its repair, and node-removal garbage collection. The checker reads
 * every block, affinity, handle, node and workload endpoint at one etcd revision
 * ({@link io.tabby.ipam.check.IpamSnapshot}) and lists each broken invariant as an
 * {@link io.tabby.ipam.check.IpamProblem}: allocations without a handle, handle counts that
 * disagree with the blocks, affinities without their block or blocks without their affinity,
 * blocks affine to two nodes, addresses held twice, and leaked addresses (allocated, but no
 * workload endpoint uses them; node tunnel addresses are not leaks while their node exists, and
 * an address assigned within the {@link io.tabby.ipam.check.LeakGrace} is an ADD in flight).
 * {@link io.tabby.ipam.check.IpamRepair} fixes only what is safe, re-validating each problem
 * against a fresh snapshot and writing with compare-and-swap.
 */
package io.tabby.ipam.check;
