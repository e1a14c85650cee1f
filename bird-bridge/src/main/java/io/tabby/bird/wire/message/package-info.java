/**
 * The five BGP-4 messages (RFC 4271 §4) as immutable records under the sealed
 * {@link io.tabby.bird.wire.message.BgpMessage}: OPEN with its capabilities (RFC 5492: multiprotocol
 * RFC 4760, route refresh RFC 2918, extended message RFC 8654, graceful restart RFC 4724, 4-octet
 * AS RFC 6793, ADD-PATH RFC 7911, anything else kept as unknown), UPDATE (with End-of-RIB
 * detection, RFC 4724 §2), NOTIFICATION, KEEPALIVE and ROUTE-REFRESH (RFC 2918).
 *
 * <p>Every message starts with the common header (RFC 4271 §4.1):
 * <pre>
 * +-----------------------------------------------+
 * | Marker (16 octets, all ones)                  |
 * +-----------------------+-----------+-----------+
 * | Length (2, incl. hdr) | Type (1)  |  body...  |
 * +-----------------------+-----------+-----------+
 * </pre>
 * Types: 1 OPEN, 2 UPDATE, 3 NOTIFICATION, 4 KEEPALIVE, 5 ROUTE-REFRESH. Lengths run from 19 to
 * 4096 octets, or to 65535 for all but OPEN and KEEPALIVE once extended messages are negotiated.
 */
package io.tabby.bird.wire.message;
