/**
 * The host's network configuration, one small interface per kind of kernel object, scoped to a
 * network namespace ({@link io.tabby.platform.net.NetNs}).
 *
 * <ul>
 *   <li>{@link io.tabby.platform.net.LinkOps}: veth pairs (peer in another namespace), VXLAN
 *       devices, up/down/MTU/MAC/name, delete.</li>
 *   <li>{@link io.tabby.platform.net.AddrOps}: interface addresses.</li>
 *   <li>{@link io.tabby.platform.net.RouteOps}: routes per table, each carrying a protocol number
 *       ({@link io.tabby.platform.net.RouteProtocols}) so a restarted process recognises its own.</li>
 *   <li>{@link io.tabby.platform.net.NeighOps}: permanent neighbour (ARP/NDP) entries and bridge
 *       FDB entries (VXLAN VTEPs).</li>
 *   <li>{@link io.tabby.platform.net.SysctlOps}: per-namespace sysctls such as
 *       {@code net.ipv4.conf.<if>.proxy_arp}.</li>
 * </ul>
 *
 * <p>The {@code Linux*Ops} implementations drive iproute2 through a
 * {@link io.tabby.platform.exec.CommandRunner}: reads use {@code ip -json} (numeric with
 * {@code -N}) parsed with Jackson, writes of many objects go through one {@code ip -force -batch -}
 * whose failed lines are reported by {@link io.tabby.platform.net.BatchFailedException} while the
 * other lines still apply. Named namespaces use {@code ip -n NAME}; namespaces given as a path
 * (a CNI_NETNS) run the tool under {@code nsenter --net=PATH}. Interface names are always passed
 * after the {@code dev}/{@code name} keyword, because iproute2 would read a bare name such as
 * {@code a} as an abbreviated keyword.
 *
 * <p>The in-memory twin of every interface is {@code io.tabby.platform.testing.FakeKernel}.
 */
package io.tabby.platform.net;
