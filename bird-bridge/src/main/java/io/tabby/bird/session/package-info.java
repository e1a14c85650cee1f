/**
 * The BGP session: configuration ({@link io.tabby.bird.session.SessionConfig}), the finite state
 * machine of RFC 4271 §8 ({@link io.tabby.bird.session.SessionFsm}), OPEN negotiation, BIRD's error
 * wait ({@link io.tabby.bird.session.ErrorWait}), connection collision detection (RFC 4271 §6.8,
 * {@link io.tabby.bird.session.CollisionDetection}) and the graceful restart helper role (RFC 4724
 * §4.2). Everything here is pure: an {@link io.tabby.bird.session.FsmEvent} goes in, a list of
 * {@link io.tabby.bird.session.FsmAction}s comes out. No sockets, channels or clocks; timers are
 * actions the transport runs and feeds back as {@link io.tabby.bird.session.FsmEvent.TimerExpired}.
 *
 * <p>Threading: the transport owns one FSM per connection on that connection's Netty event loop.
 * Hold and keepalive timers fire there and the FSM answers them without the RIB: UPDATEs leave as
 * {@link io.tabby.bird.session.FsmAction.DeliverUpdate} for the RIB's queue, so a busy RIB cannot
 * starve keepalives (bgp-anchors §3.6 item 6). Keepalives are sent every keepalive interval, not
 * deferred by outgoing UPDATEs, which RFC 4271 §4.4 allows.
 *
 * <p>One FSM owns one connection. When the peer connects while our own attempt has got past
 * Connect, the transport gives the incoming connection a second FSM ({@code ManualStart}, then
 * {@code TcpConnectionConfirmed}) built on the same {@link io.tabby.bird.session.PeerMemory}, asks
 * {@link io.tabby.bird.session.CollisionDetection} which one to close once an OPEN has arrived, and
 * keeps the survivor. Losing a collision costs only the losing connection, on both sides: the FSM
 * that closes it (Cease 6/7) and the FSM that receives that Cease start no error wait, and the
 * receiver goes back to Active to take the peer's surviving connection (or to connect again once
 * the connect retry time runs out). The memory carries what belongs to the peer rather than the connection: the
 * error wait, the stale families and their peer-scoped timers
 * ({@link io.tabby.bird.session.TimerKind#peerScoped()}), which the transport keeps per peer.
 *
 * <p>States and the main transitions (connect delay and error wait are BIRD's; everything else is
 * RFC 4271 §8.2.2):
 * <pre>
 *            ManualStart / AutomaticStart / IDLE_HOLD expiry (error wait over)
 *   +------+ ---------------------------------------------------------+
 *   | Idle | &lt;--- any error once OPEN sent: NOTIFICATION, close,     |
 *   +------+      IDLE_HOLD = error wait (min, doubling to max)       v
 *      ^                                                       +--------+
 *      |  ManualStop (Cease 6/2 once OPEN sent)                | Active | passive: wait for the peer
 *      |                                                       +--------+ active: CONNECT_DELAY
 *      |          CONNECT_DELAY / CONNECT_RETRY expiry: Connect   |    ^
 *      |                +-----------------------------------------+    | TCP fails: CONNECT_RETRY
 *      |                v                                              |
 *      |          +---------+  TCP up (ours acked or theirs confirmed) |
 *      |          | Connect | ---------------------------+            |
 *      |          +---------+   (same from Active)       v            |
 *      |                                           +----------+        |
 *      +------------------------------------------ | OpenSent | -------+ TCP fails
 *      |    HOLD (4 min) expiry: 4/0               +----------+
 *      |    bad OPEN: 2/x                               | OPEN ok: KEEPALIVE, HOLD, KEEPALIVE timers
 *      |                                                v
 *      |                                        +-------------+
 *      +--------------------------------------- | OpenConfirm |
 *      |    HOLD expiry 4/0, NOTIFICATION,      +-------------+
 *      |    TCP fails, unexpected message 5/2          | KEEPALIVE received: SessionEstablished
 *      |                                               v
 *      |                                        +-------------+  KEEPALIVE / UPDATE: restart HOLD
 *      +--------------------------------------- | Established |  UPDATE: DeliverUpdate
 *           SessionDown; TCP lost with graceful +-------------+  STABLE expiry: error wait reset
 *           restart: routes kept stale, restart at once
 * </pre>
 *
 * <p>RFCs: 4271 (BGP-4, §6.8 collision, §8 FSM), 4486 (Cease subcodes: 6/2 administrative
 * shutdown, 6/7 connection collision), 6608 (FSM error subcodes 5/1..5/3), 4724 (graceful
 * restart; RFC 8538's N bit is not implemented), 4760 (multiprotocol), 6793 (4-octet AS), 2918
 * (route refresh), 7911 (ADD-PATH), 8654 (extended messages), 6286 (equal identifiers).
 */
package io.tabby.bird.session;
