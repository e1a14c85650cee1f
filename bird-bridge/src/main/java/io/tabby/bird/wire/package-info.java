/**
 * Value types shared by the BGP wire codec: address families ({@link io.tabby.bird.wire.Afi},
 * {@link io.tabby.bird.wire.Safi}, {@link io.tabby.bird.wire.AfiSafi}), prefixes and the
 * array-backed {@link io.tabby.bird.wire.PrefixList} that carries the NLRI of one UPDATE without an
 * object per prefix, and {@link io.tabby.bird.wire.Bytes}, an immutable byte string for opaque
 * wire payloads (unknown capabilities and attributes, NOTIFICATION data).
 *
 * <p>Only IPv4 and IPv6 unicast are modelled as families (RFC 4760 AFI 1/2, SAFI 1). An NLRI entry
 * on the wire is a length in bits followed by the minimum number of octets (RFC 4271 §4.3), preceded
 * by a 4-octet path identifier when ADD-PATH is in force for the family and direction (RFC 7911):
 * <pre>
 * +--------------------------------+
 * | Path Identifier (4 octets)     |  only with ADD-PATH
 * +--------------------------------+
 * | Length (1 octet, in bits)      |
 * +--------------------------------+
 * | Prefix (ceil(Length/8) octets) |
 * +--------------------------------+
 * </pre>
 */
package io.tabby.bird.wire;
