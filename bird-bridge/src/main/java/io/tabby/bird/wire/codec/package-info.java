/**
 * The BGP wire codec: {@link io.tabby.bird.wire.codec.MessageDecoder} turns one framed message into
 * a {@link io.tabby.bird.wire.codec.DecodeResult} and {@link io.tabby.bird.wire.codec.MessageEncoder}
 * writes records back, both parameterised by the session's negotiated
 * {@link io.tabby.bird.wire.codec.SessionOptions} (4-octet AS per RFC 6793 with the
 * AS4_PATH/AS4_AGGREGATOR merge, ADD-PATH per family and direction per RFC 7911, extended messages
 * per RFC 8654); {@link io.tabby.bird.wire.codec.NegotiatedOptions} derives both directions' options
 * from the two OPENs. No Netty handlers here: framing and channels belong to the transport.
 *
 * <p>Error handling follows RFC 4271 §6 as revised by RFC 7606. Decoding never throws on input;
 * each malformed message is one outcome:
 * <ul>
 *   <li>session reset, carrying the NOTIFICATION to send: bad marker (1/1), bad length (1/2) or
 *       type (1/3); OPEN version (2/1), AS 0 (2/2), identifier 0 (2/3), optional parameter (2/4),
 *       hold time 1 or 2 (2/6), malformed capabilities (2/0); UPDATE length fields (3/1), repeated
 *       MP attributes (3/1), unrecognized well-known attribute (3/2), MP attribute flags (3/4) or
 *       contents (3/9), IPv4 NLRI or withdrawn field (3/10); ROUTE-REFRESH length (7/1);</li>
 *   <li>treat-as-withdraw: malformed ORIGIN, AS_PATH, NEXT_HOP, MED, LOCAL_PREF, COMMUNITIES,
 *       LARGE_COMMUNITIES, ORIGINATOR_ID, CLUSTER_LIST; wrong Optional/Transitive flags; an
 *       attribute running past the attribute field; a missing ORIGIN or AS_PATH (or NEXT_HOP with
 *       IPv4 NLRI) when the UPDATE announces prefixes;</li>
 *   <li>attribute discard: malformed ATOMIC_AGGREGATE, AGGREGATOR, AS4_PATH, AS4_AGGREGATOR; repeats
 *       of an attribute; LOCAL_PREF, ORIGINATOR_ID, CLUSTER_LIST from an external peer; MP
 *       attributes of a family we do not route.</li>
 * </ul>
 * {@link io.tabby.bird.wire.codec.OpenChecks} adds the OPEN checks that need configuration (peer AS,
 * own identifier).
 */
package io.tabby.bird.wire.codec;
