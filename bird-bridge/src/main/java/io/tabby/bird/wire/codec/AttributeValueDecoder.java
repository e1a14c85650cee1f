package io.tabby.bird.wire.codec;

import static io.tabby.bird.wire.attr.AttributeType.AGGREGATOR;
import static io.tabby.bird.wire.attr.AttributeType.AS4_AGGREGATOR;
import static io.tabby.bird.wire.attr.AttributeType.AS4_PATH;
import static io.tabby.bird.wire.attr.AttributeType.AS_PATH;
import static io.tabby.bird.wire.attr.AttributeType.ATOMIC_AGGREGATE;
import static io.tabby.bird.wire.attr.AttributeType.CLUSTER_LIST;
import static io.tabby.bird.wire.attr.AttributeType.COMMUNITIES;
import static io.tabby.bird.wire.attr.AttributeType.LARGE_COMMUNITIES;
import static io.tabby.bird.wire.attr.AttributeType.LOCAL_PREF;
import static io.tabby.bird.wire.attr.AttributeType.MP_REACH_NLRI;
import static io.tabby.bird.wire.attr.AttributeType.MP_UNREACH_NLRI;
import static io.tabby.bird.wire.attr.AttributeType.MULTI_EXIT_DISC;
import static io.tabby.bird.wire.attr.AttributeType.NEXT_HOP;
import static io.tabby.bird.wire.attr.AttributeType.ORIGIN;
import static io.tabby.bird.wire.attr.AttributeType.ORIGINATOR_ID;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.attr.Aggregator;
import io.tabby.bird.wire.attr.As4Aggregator;
import io.tabby.bird.wire.attr.As4Path;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AtomicAggregate;
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.Communities;
import io.tabby.bird.wire.attr.LargeCommunities;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import io.tabby.bird.wire.attr.PathAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decodes the value of each known attribute type, applying RFC 7606 §7 (and RFC 6793 §6, RFC 8092
 * §6) to decide what a malformed value costs: the attribute alone, the UPDATE's routes, or (for the
 * MP attributes, in {@link MpAttributeDecoder}) the session.
 */
final class AttributeValueDecoder {
    private final SessionOptions options;
    private final AttributeDecoder out;
    private final MpAttributeDecoder multiprotocol;

    AttributeValueDecoder(SessionOptions options, AttributeDecoder out) {
        this.options = options;
        this.out = out;
        this.multiprotocol = new MpAttributeDecoder(options, out);
    }

    void decode(int type, ByteBuf value) throws DecodeFailure {
        int length = value.readableBytes();
        switch (type) {
            case ORIGIN -> {
                int kind = length == 1 ? value.readUnsignedByte() : -1;
                if (kind < 0 || kind > 2) {
                    out.withdraw(type, length != 1 ? "length " + length + " is not 1" : "undefined value " + kind);
                } else {
                    out.attributes.add(new Origin(Origin.Kind.values()[kind]));
                }
            }
            case AS_PATH -> {
                List<AsPathSegment> segments = AsPathCodec.read(value, options.fourOctetAs() ? 4 : 2);
                if (segments == null) {
                    out.withdraw(type, "malformed segments (RFC 7606 §7.2)");
                } else {
                    out.attributes.add(new AsPath(segments));
                }
            }
            case NEXT_HOP -> fixed4(type, value, () -> new NextHop(value.readInt()));
            case MULTI_EXIT_DISC -> fixed4(type, value, () -> new MultiExitDisc(value.readUnsignedInt()));
            case LOCAL_PREF -> {
                if (options.external()) {
                    out.discard(type, "received from an external peer (RFC 7606 §7.5)");
                } else {
                    fixed4(type, value, () -> new LocalPref(value.readUnsignedInt()));
                }
            }
            case ATOMIC_AGGREGATE -> {
                if (length != 0) {
                    out.discard(type, "length " + length + " is not 0 (RFC 7606 §7.6)");
                } else {
                    out.attributes.add(AtomicAggregate.INSTANCE);
                }
            }
            case AGGREGATOR -> aggregator(value);
            case COMMUNITIES -> {
                if (length == 0 || length % 4 != 0) {
                    out.withdraw(type, "length " + length + " is not a non-zero multiple of 4 (RFC 7606 §7.8)");
                } else {
                    List<Integer> values = new ArrayList<>(length / 4);
                    while (value.isReadable()) {
                        values.add(value.readInt());
                    }
                    out.attributes.add(new Communities(values));
                }
            }
            case ORIGINATOR_ID -> {
                if (options.external()) {
                    out.discard(type, "received from an external peer (RFC 7606 §7.9)");
                } else {
                    fixed4(type, value, () -> new OriginatorId(value.readInt()));
                }
            }
            case CLUSTER_LIST -> clusterList(value);
            case MP_REACH_NLRI -> multiprotocol.reach(value);
            case MP_UNREACH_NLRI -> multiprotocol.unreach(value);
            case AS4_PATH -> as4Path(value);
            case AS4_AGGREGATOR -> {
                if (options.fourOctetAs()) {
                    out.discard(type, "sent on a 4-octet AS session (RFC 6793 §4.1)");
                } else if (length != 8) {
                    out.discard(type, "length " + length + " is not 8 (RFC 6793 §6)");
                } else {
                    out.attributes.add(new As4Aggregator(value.readUnsignedInt(), value.readInt()));
                }
            }
            case LARGE_COMMUNITIES -> largeCommunities(value);
            default -> throw new IllegalStateException("no value decoder for known attribute " + type);
        }
    }

    private void fixed4(int type, ByteBuf value, Supplier<PathAttribute> read) {
        if (value.readableBytes() != 4) {
            out.withdraw(type, "length " + value.readableBytes() + " is not 4");
        } else {
            out.attributes.add(read.get());
        }
    }

    private void aggregator(ByteBuf value) {
        int expected = options.fourOctetAs() ? 8 : 6;
        if (value.readableBytes() != expected) {
            out.discard(AGGREGATOR, "length " + value.readableBytes() + " is not " + expected + " (RFC 7606 §7.7)");
            return;
        }
        long asn = expected == 8 ? value.readUnsignedInt() : value.readUnsignedShort();
        out.attributes.add(new Aggregator(asn, value.readInt()));
    }

    private void clusterList(ByteBuf value) {
        int length = value.readableBytes();
        if (options.external()) {
            out.discard(CLUSTER_LIST, "received from an external peer (RFC 7606 §7.10)");
        } else if (length == 0 || length % 4 != 0) {
            out.withdraw(CLUSTER_LIST, "length " + length + " is not a non-zero multiple of 4 (RFC 7606 §7.10)");
        } else {
            List<Integer> ids = new ArrayList<>(length / 4);
            while (value.isReadable()) {
                ids.add(value.readInt());
            }
            out.attributes.add(new ClusterList(ids));
        }
    }

    private void as4Path(ByteBuf value) {
        if (options.fourOctetAs()) {
            out.discard(AS4_PATH, "sent on a 4-octet AS session (RFC 6793 §4.1)");
            return;
        }
        List<AsPathSegment> segments = AsPathCodec.read(value, 4);
        if (segments == null) {
            out.discard(AS4_PATH, "malformed segments (RFC 6793 §6)");
        } else if (segments.stream().anyMatch(s -> s.type().isConfederation())) {
            out.discard(AS4_PATH, "carries confederation segments (RFC 6793 §6)");
        } else {
            out.attributes.add(new As4Path(segments));
        }
    }

    private void largeCommunities(ByteBuf value) {
        int length = value.readableBytes();
        if (length == 0 || length % 12 != 0) {
            out.withdraw(LARGE_COMMUNITIES, "length " + length + " is not a non-zero multiple of 12 (RFC 8092 §6)");
            return;
        }
        List<LargeCommunities.Value> values = new ArrayList<>(length / 12);
        while (value.isReadable()) {
            values.add(new LargeCommunities.Value(value.readUnsignedInt(), value.readUnsignedInt(), value.readUnsignedInt()));
        }
        out.attributes.add(new LargeCommunities(values));
    }
}
