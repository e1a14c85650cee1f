/**
 * felix's dataplane: managers that keep what felix owns in the kernel equal to what the
 * calculation graph asked for, through the platform operations.
 *
 * <p>{@link io.tabby.felix.dataplane.Dataplane} takes {@link io.tabby.felix.api.DataplaneMessage}s
 * cheaply and applies in batches, in Calico's order: ip set additions; workload routes and
 * interface sysctls; the VXLAN device, its neighbours and FDB entries; the IPIP device
 * ({@code tunl0}: MTU 1440, the node's tunnel address); block routes (other nodes' blocks through
 * {@code vxlan.calico} or {@code tunl0}, or directly under CrossSubnet; this node's VXLAN blocks as
 * blackholes); the
 * IPv4 filter, IPv6 filter ({@code ip6tables-restore}) and IPv4 nat tables
 * ({@code iptables-restore --noflush}, one per table);
 * ip set deletions. {@link io.tabby.felix.dataplane.DataplaneLoop} is the one thread that owns it:
 * it drains queued batches, applies, retries what is pending and periodically reads everything back
 * (resync), so a rule or set deleted behind felix's back is restored.
 *
 * <p>A pass costs what changed, not what exists: the filter table is rendered through a cache that
 * re-renders only the chains of endpoints, policies and profiles whose message changed
 * ({@code FilterTableCache}); the table manager hashes only chains that are not the very objects
 * of the previous pass and writes only chains whose hashes differ from the kernel's; ip sets are
 * diffed only when their update changed; workload routes, sysctls and neighbours are revisited
 * only when an endpoint's interface, addresses or MAC changed (or work is pending, or on resync),
 * with one link listing per pass; VXLAN only when VTEPs changed; IPIP and block routes only when
 * they changed. What remains
 * proportional to the number of endpoints is bookkeeping (map lookups and identity checks per
 * chain), not rendering, hashing or kernel writes.
 *
 * <p>Ownership marks, so a restarted felix recognises its own objects with no memory of earlier
 * runs: chains start with {@code cali-} and every rule carries a {@code cali:<hash>} comment; ip
 * sets start with {@code cali40} (family inet) or {@code cali60} (family inet6, the IPv6 members of
 * the same set id); routes of both families are those on interfaces starting with the interface
 * prefix ({@code cali}: /32 and /128 workload routes), plus every IPv4 main-table route of protocol
 * 80 (block routes and blackholes); {@code vxlan.calico} is felix's by its name, and of {@code tunl0}
 * (which the kernel will not delete) felix owns the addresses while IPIP is on. Anything else is
 * never touched. Before the first
 * {@link io.tabby.felix.api.DataplaneMessage.InSync} nothing is read or written, and since the
 * calculation graph sends nothing while etcd is unreachable, nothing is removed then either.
 */
package io.tabby.felix.dataplane;
