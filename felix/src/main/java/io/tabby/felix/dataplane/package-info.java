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
 * <p>A pass costs what changed, not what exists. The dataplane records which endpoints,
 * policies, profiles and ip sets the messages named and hands each manager only those: the filter
 * tables re-render just those things' chains and keep the dispatch trees one interface path at a
 * time ({@code FilterTableCache}, {@code FilterTables}, {@code DispatchTree}); the table and ip
 * set managers compare only the chains and sets named since their last write, trusting what they
 * wrote; workload routes, sysctls and neighbours are written per changed endpoint, its interface
 * looked up by name ({@code EndpointWiring}); VXLAN only when VTEPs changed; IPIP and block routes
 * only when they changed. Reading everything back and comparing it all happens on the first pass,
 * on each resync and after a failure ({@code WorkloadWiringPasses} for the workloads). One
 * endpoint change therefore writes that endpoint's chains, one dispatch leaf per direction, its
 * own ip set members and its own routes and neighbours, and reads nothing back; the kernel's own
 * cost of the {@code iptables-restore} is another matter: nf_tables re-checks every rule
 * reachable from the base chains on each commit that adds a rule.
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
