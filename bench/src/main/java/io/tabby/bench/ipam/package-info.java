/**
 * The IPAM assign rate, measured beside its ceiling: ten simulated nodes, each its own
 * {@link io.tabby.ipam.impl.DatastoreIpam} (as each node's agent has one), auto-assign one IPv4
 * address per pod in a loop against one real etcd, and in the same run the raw etcd
 * compare-and-swap rate of ten jetcd writers (the foundation benchmark's anchor). Rounds of the
 * two alternate. Afterwards every block is read back and the run is audited for addresses held
 * twice: the count must be 0.
 */
package io.tabby.bench.ipam;
