/**
 * The contract between felix's calculation graph and its dataplane: the
 * {@link io.tabby.felix.api.DataplaneMessage} records the graph emits, as Calico felix's
 * {@code proto} messages.
 *
 * <p>Every message carries the full current state of one thing (an ip set's members, a policy's
 * rules, an endpoint with its ordered policies), never a delta, so a consumer that missed nothing
 * but coalesced some updates still converges. An ip set update holds members of both families
 * (IPv4 and IPv6 host addresses or networks); the dataplane splits it into the family's kernel
 * sets ({@link io.tabby.felix.api.IpSetIds}). The calculation graph's
 * {@link io.tabby.felix.calc.EventSequencer} emits a batch in this order, so that whatever is
 * referenced exists before its user and outlives it:
 * <ol>
 *   <li>ip set updates (new sets and new members);</li>
 *   <li>IP pool updates;</li>
 *   <li>VXLAN tunnel endpoint updates, the IPIP tunnel update, then route updates (remote blocks
 *   via those tunnels or directly, own blocks as blackholes);</li>
 *   <li>active policy and profile updates;</li>
 *   <li>workload endpoint updates, host endpoint updates, then workload endpoint removes and host
 *   endpoint removes;</li>
 *   <li>active policy and profile removes;</li>
 *   <li>IP pool removes;</li>
 *   <li>route removes, then the IPIP tunnel remove and VXLAN tunnel endpoint removes;</li>
 *   <li>ip set removes;</li>
 *   <li>{@link io.tabby.felix.api.DataplaneMessage.InSync}, once, after the first complete batch.</li>
 * </ol>
 * Nothing is emitted before the datastore is first in sync, so the first batch is complete.
 */
package io.tabby.felix.api;
