/**
 * The routing information bases of the BGP engine: the Loc-RIB with the decision process of
 * RFC 4271 §9.1 (plus the RFC 4456 tie-breakers), and per-peer Adj-RIB-In and Adj-RIB-Out with
 * the export rules (iBGP split horizon, route reflection, next hop self, eBGP rewrites) and UPDATE
 * packing by shared attribute set. {@link io.tabby.bird.rib.Rib} is the entry point; it also holds
 * the routes the speaker originates itself (peer id 0, {@link io.tabby.bird.rib.PeerInfo#local}).
 *
 * <p>Like BIRD's routing table, the RIB keeps one entry per prefix and nothing per prefix
 * elsewhere: the entry holds every peer's paths (each peer's Adj-RIB-In is the view of those by
 * source), the decision's outcome, and what each established peer was last sent (each peer's
 * Adj-RIB-Out, by the peer's slot). A received route costs one table probe; a best-path change
 * puts the entry on the dirty list of each peer concerned, and the next drain works out what that
 * peer should hold and sends the difference.
 *
 * <p>Everything here is pure and single-threaded: one RIB thread owns a {@code Rib} and feeds it
 * UPDATEs and session events (the FSM's {@code SessionEstablished}, {@code SessionDown} and
 * {@code FlushStale}), then drains the UPDATEs each peer should be sent. End-of-RIB from a peer
 * changes nothing here: the FSM turns it into {@code FlushStale}. There are no clocks: route age
 * for the optional "oldest external path" step is an arrival counter.
 *
 * <p>Attribute sets are interned with the codec's {@link io.tabby.bird.wire.attr.AttributeInterner}
 * so a route holds a reference to a shared set; {@link io.tabby.bird.rib.Rib#sweepAttributes()}
 * drops sets no route or advertisement uses any more.
 */
package io.tabby.bird.rib;
