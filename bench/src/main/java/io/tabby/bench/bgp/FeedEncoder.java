package io.tabby.bench.bgp;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.Communities;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PrefixPlan} into the feeder's byte stream before the clock starts: UPDATEs
 * packed by attribute set, up to {@link #PREFIXES_PER_UPDATE} prefixes each (5 octets per /26–/32,
 * under the 4096-octet limit), followed by the IPv4 End-of-RIB. Encoding ahead keeps the feeder's
 * own cost out of the measurement: during the run it only writes bytes.
 */
public final class FeedEncoder {
    /** (4096 − 23 header and length fields − 30 attribute octets) / 5 octets per prefix, rounded down. */
    public static final int PREFIXES_PER_UPDATE = 800;

    private final SessionOptions options;
    private final long feederAs;
    private final int nextHop;

    public FeedEncoder(SessionOptions options, long feederAs, int nextHop) {
        this.options = requireNonNull(options, "options is null");
        this.feederAs = feederAs;
        this.nextHop = nextHop;
    }

    /** The attribute set of group {@code k}: ORIGIN IGP, AS_PATH (feeder AS), NEXT_HOP, community feederAs:k. */
    public AttributeSet attributes(int k) {
        int community = (int) ((feederAs & 0xffff) << 16 | (k & 0xffff));
        return AttributeSet.of(Origin.IGP, new AsPath(List.of(AsPathSegment.sequence(feederAs))),
                new NextHop(nextHop), new Communities(List.of(community)));
    }

    /** Every UPDATE of the plan, then End-of-RIB, as one byte array. */
    public byte[] encode(PrefixPlan plan) {
        List<PrefixList.Builder> open = new ArrayList<>();
        for (int k = 0; k < plan.attributeSets(); k++) {
            open.add(PrefixList.builder(AfiSafi.IPV4_UNICAST, false));
        }
        MessageEncoder encoder = new MessageEncoder(options);
        ByteBuf out = Unpooled.buffer(plan.count() * 5 + plan.count() / PREFIXES_PER_UPDATE * 80 + 4096);
        try {
            for (int i = 0; i < plan.count(); i++) {
                int k = plan.attributeSet(i);
                PrefixList.Builder builder = open.get(k);
                builder.addIpv4(plan.address(i), plan.length(i), 0);
                if (builder.size() == PREFIXES_PER_UPDATE) {
                    write(encoder, out, k, builder.build());
                    open.set(k, PrefixList.builder(AfiSafi.IPV4_UNICAST, false));
                }
            }
            for (int k = 0; k < open.size(); k++) {
                if (open.get(k).size() > 0) {
                    write(encoder, out, k, open.get(k).build());
                }
            }
            encoder.encode(Update.endOfRib(AfiSafi.IPV4_UNICAST), out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private void write(MessageEncoder encoder, ByteBuf out, int k, PrefixList nlri) {
        int before = out.writerIndex();
        encoder.encode(Update.announce(attributes(k), nlri), out);
        int length = out.writerIndex() - before;
        if (length > 4096) {
            throw new IllegalStateException("an UPDATE of " + nlri.size() + " prefixes took " + length
                    + " octets, over 4096: lower PREFIXES_PER_UPDATE");
        }
    }
}
