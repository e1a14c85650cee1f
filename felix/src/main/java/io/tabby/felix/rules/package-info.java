/**
 * Calico's iptables chain tree, rendered as data: pure functions from endpoints, policies,
 * profiles and pools to {@link io.tabby.felix.rules.Chain}s, and from chains to
 * {@code iptables-restore} text. Names follow Calico felix exactly ({@code cali-FORWARD},
 * {@code cali-from-wl-dispatch}, {@code cali-tw-<iface>}, {@code cali-pi-<policy>},
 * {@code cali-pri-<profile>}, {@code cali-nat-outgoing}, ip sets {@code cali40...}).
 *
 * <p>The filter table is rendered once per IP family ({@code FilterRenderer(config, family)}): the
 * same chain tree in iptables and ip6tables. A family's table keeps only the rules that can match
 * it (a rule's {@code ipVersion}, its nets, ICMP versus ICMPv6), names the family's ip sets
 * ({@code cali40…} / {@code cali60…}), spells ICMP matches {@code -m icmp6 --icmpv6-type} in IPv6,
 * and anti-spoofs with the endpoint's addresses of that family. IPv6 adds Calico's
 * {@code cali-wl-to-host} allowance for ICMPv6 130-133, 135 and 136 (multicast listener messages,
 * router and neighbour solicitation, neighbour advertisement), without which the host cannot
 * resolve a pod's address. VXLAN, IPIP and NAT outgoing are IPv4 only: with a tunnel on
 * ({@link io.tabby.felix.rules.Encapsulation}), {@code cali-INPUT} accepts VXLAN / IPIP packets only
 * from the nodes in {@code all-vxlan-net} / {@code all-hosts-net} and drops the rest, and
 * {@code cali-OUTPUT} lets them out to those nodes ahead of host endpoint policy.
 *
 * <p>Packet walk for a workload-to-workload packet through the filter table:
 * <pre>
 *   FORWARD → cali-FORWARD
 *     -i cali+ → cali-from-wl-dispatch → -g cali-fw-&lt;src iface&gt;   (the sender's egress)
 *     -o cali+ → cali-to-wl-dispatch   → -g cali-tw-&lt;dst iface&gt;   (the receiver's ingress)
 *     -i cali+ / -o cali+ ACCEPT   (both endpoint chains returned, so both allowed it)
 *   cali-tw/fw-&lt;iface&gt;: conntrack fast path; (fw) anti-spoofing; clear the accept mark;
 *     policies in order: clear pass mark, jump cali-pi/po-&lt;policy&gt; unless pass is set,
 *     RETURN if accept is set; DROP unless pass is set; then profiles: jump cali-pri/pro-&lt;profile&gt;,
 *     RETURN if accept is set; DROP.
 *   cali-pi/po/pri/pro-&lt;name&gt;: allow = set accept mark + RETURN, pass = set pass mark + RETURN,
 *     deny = DROP, log = LOG and go on.
 * </pre>
 * <p>With more than 64 local endpoints the dispatch chains become a tree keyed on the next characters
 * of the interface names ({@code cali-from-wl-dispatch-<chars>}, as Calico does), so that adding or
 * removing an endpoint rewrites one small leaf chain.
 *
 * <p>Host endpoints (an interface of the host itself): {@code cali-INPUT} and {@code cali-OUTPUT}
 * clear the mark bits and jump to {@code cali-from-host-endpoint} / {@code cali-to-host-endpoint},
 * accepting what they accept; {@code cali-FORWARD} does the same for host-to-host forwarding (as
 * Calico felix 2.x, without apply-on-forward). These dispatch on {@code -i}/{@code -o <iface>} to
 * {@code cali-fh-<iface>} (ingress policies, {@code cali-pi-}) and {@code cali-th-<iface>} (egress
 * policies, {@code cali-po-}), and return for other interfaces. Each host endpoint chain jumps to
 * {@code cali-failsafe-in} / {@code cali-failsafe-out} before its policies, so the configured
 * failsafe ports ({@link io.tabby.felix.rules.FailsafePort}) stay open whatever the policies say.
 *
 * <p>Mark bits come from the mark mask lowest bit first ({@link io.tabby.felix.rules.MarkBits}).
 *
 * <p>Every rule carries {@code -m comment --comment "cali:<hash>"}, the first 16 characters of
 * base64url(SHA-224) over the chain name and the rule specs up to and including this one, so a
 * rule's hash also says where it sits; reading {@code iptables-save} back, only these hashes are
 * compared ({@link io.tabby.felix.rules.RuleHashes}).
 *
 * <p>Simplifications of this version, each stated where it is made: several source and
 * destination nets (or more than 15 port slots) become one iptables rule per combination instead
 * of Calico's scratch-mark blocks (the same verdicts; a {@code log} rule may log twice for
 * overlapping nets); negated nets use a scratch-mark block only when iptables' one {@code -s}/{@code -d}
 * per rule cannot hold them inline; named ports are not rendered (such a rule matches nothing and a warning is
 * logged).
 */
package io.tabby.felix.rules;
