/**
 * Real BGP peers for interop tests, each in its own network namespace: {@link
 * io.tabby.testkit.bgp.NetnsLab} builds namespaces joined by veth pairs (IPv4 and IPv6 addresses on
 * each link) and removes them again; {@link io.tabby.testkit.bgp.BirdPeer} runs BIRD 1.6 ({@code bird}
 * or {@code bird6}) and reads it with {@code birdc}; {@link io.tabby.testkit.bgp.GobgpPeer} runs
 * {@code gobgpd} and drives it with the {@code gobgp} CLI; {@link io.tabby.testkit.bgp.NetnsThreads}
 * makes threads that live in a namespace, so an in-process speaker's sockets are created there.
 *
 * <p>Every process is started by the test and stopped by PID on close, even when the test fails;
 * namespaces, veths and files carry the {@code bgpn-} prefix. These launchers need root and the
 * programs; tests check both with {@link io.tabby.testkit.host.HostRequirements} first.
 */
package io.tabby.testkit.bgp;
