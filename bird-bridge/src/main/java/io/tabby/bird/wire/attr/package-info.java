/**
 * Path attributes of an UPDATE (RFC 4271 §4.3, §5) as immutable records, and
 * {@link io.tabby.bird.wire.attr.AttributeSet}, the canonical, interned set of them that routes
 * share (bgp-anchors §3.1, §3.6: Calico-style tables have a handful of distinct sets).
 *
 * <p>Implemented: ORIGIN, AS_PATH (AS_SET/AS_SEQUENCE, plus the RFC 5065 confederation segment
 * types), NEXT_HOP, MULTI_EXIT_DISC, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR (RFC 4271);
 * COMMUNITIES (RFC 1997); ORIGINATOR_ID, CLUSTER_LIST (RFC 4456); MP_REACH_NLRI, MP_UNREACH_NLRI
 * (RFC 4760); AS4_PATH, AS4_AGGREGATOR (RFC 6793); LARGE_COMMUNITIES (RFC 8092). Anything else is
 * an {@link io.tabby.bird.wire.attr.UnknownAttribute} kept with its flags.
 *
 * <p>AS numbers are always held as 4-octet values; whether they travel as 2 or 4 octets (and
 * whether AS4_PATH/AS4_AGGREGATOR appear) is the codec's business. Attribute header:
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |O|T|P|E| unused|   Type Code   |   O optional, T transitive, P partial, E extended length
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Length (1 octet, 2 if E)      |
 * +-------------------------------+
 * </pre>
 */
package io.tabby.bird.wire.attr;
