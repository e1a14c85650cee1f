/**
 * The running BGP speaker: {@link io.tabby.bird.speaker.BgpSpeaker} builds one session per
 * {@code protocol bgp} of a parsed {@link io.tabby.bird.config.BirdConfig}, listens and connects
 * through {@link io.tabby.bird.transport.BgpSockets}, originates the static protocols' routes, and
 * answers per-peer status ({@link io.tabby.bird.speaker.PeerStatus}, including when the peer's
 * End-of-RIB was applied to the RIB) for the control socket and the kernel protocol.
 *
 * <p>Threads: each peer ({@link io.tabby.bird.speaker.PeerSession}) lives on one Netty event loop
 * with its FSMs (one per connection, two during a collision, RFC 4271 §6.8), timers and
 * connections. One RIB thread ({@link io.tabby.bird.speaker.RibWorker}) owns the
 * {@link io.tabby.bird.rib.Rib}: peers hand it UPDATEs and session events through a queue, and it
 * writes each peer's outgoing UPDATEs back while that peer's channel is writable. When a peer's
 * queued UPDATEs pile up, its socket stops being read until the RIB catches up; keepalives and the
 * hold timer are unaffected because they never wait for the RIB.
 *
 * <p>Life cycle: {@link io.tabby.bird.speaker.BgpSpeaker#reconfigure} applies a new configuration
 * as BIRD's {@code configure} does ({@link io.tabby.bird.speaker.ProtocolDiff}: unchanged sessions
 * stay up, changed filters are re-applied without a reset, changed options restart the session);
 * {@code enable}, {@code disable} and {@code restart} act on one protocol;
 * {@link io.tabby.bird.speaker.BgpSpeaker#closeForRestart} leaves without NOTIFICATIONs so that
 * peers keep our routes for a graceful restart (RFC 4724), and a speaker started with
 * {@link io.tabby.bird.speaker.SpeakerOptions#restartedLocally()} announces the restart.
 *
 * <p>Plug points for the other parts of the engine: {@link io.tabby.bird.speaker.PolicyHook}
 * (import and export filters per protocol; the default honours {@code all}/{@code none} and lets
 * named filters through), a {@link io.tabby.bird.rib.BestPathListener} for the kernel protocol,
 * {@link io.tabby.bird.speaker.BgpSpeaker#originate} for routes of other protocols, and
 * {@link io.tabby.bird.speaker.BgpSpeaker#inspectRib} to read the RIB on its own thread.
 */
package io.tabby.bird.speaker;
