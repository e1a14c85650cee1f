/**
 * The BGP speaker's sockets, on Netty: {@link io.tabby.bird.transport.BgpSockets} listens and
 * connects (epoll when available, with TCP-MD5 through the epoll channel option, source address
 * binding and a connect timeout), {@link io.tabby.bird.transport.BgpFrameDecoder} cuts the byte
 * stream into messages by the header's length field (up to 65535 octets: the codec itself refuses
 * what the session has not negotiated, RFC 8654), {@link io.tabby.bird.transport.BgpConnection}
 * decodes each message into an FSM event and encodes what the session sends, and
 * {@link io.tabby.bird.transport.LoopTimers} runs the FSM's timers on the event loop.
 * Accepted connections do not read until the session that takes them turns reading on, so the
 * peer's first message (its OPEN) cannot arrive before the connection has an FSM.
 *
 * <p>Threading: a connection's handlers run on one event loop, the loop of the peer the connection
 * belongs to, so one peer's FSMs, timers and connections never need a lock. Keepalives and the hold
 * timer live there too; UPDATEs leave for the RIB thread through the speaker. Nothing here blocks.
 */
package io.tabby.bird.transport;
