package io.tabby.bench.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feeder's byte stream, read back by the counting receiver: everything arrives once. */
class FeedEncoderTest {
    private static final SessionOptions EBGP = SessionOptions.BASELINE.withFourOctetAs(true).withExternal(true);

    @Test
    void receiverCountsEveryPrefixOfTheFeed() throws Exception {
        PrefixPlan plan = PrefixPlan.calicoLike(5_000);
        byte[] feed = new FeedEncoder(EBGP, 65001, 0xc0000202).encode(plan);
        CountingReceiver receiver = new CountingReceiver(EBGP, plan.count());
        int messages = 0;
        for (int offset = 0; offset < feed.length; messages++) {
            int length = (feed[offset + 16] & 0xff) << 8 | feed[offset + 17] & 0xff;
            assertThat(length).isLessThanOrEqualTo(4096);
            byte[] message = java.util.Arrays.copyOfRange(feed, offset, offset + length);
            receiver.apply(message);
            offset += length;
        }
        assertThat(receiver.held()).isEqualTo(5_000);
        assertThat(receiver.completedAt()).isPositive();
        assertThat(receiver.sawEndOfRib()).isTrue();
        // 4 attribute sets x ceil(1250 / 800) UPDATEs, then End-of-RIB
        assertThat(messages).isEqualTo(4 * 2 + 1);
    }

    @Test
    void withdrawalsLeaveTheReceiver() throws Exception {
        PrefixPlan plan = PrefixPlan.calicoLike(10);
        byte[] feed = new FeedEncoder(EBGP, 65001, 0xc0000202).encode(plan);
        CountingReceiver receiver = new CountingReceiver(EBGP, 11);
        int offset = 0;
        while (offset < feed.length) {
            int length = (feed[offset + 16] & 0xff) << 8 | feed[offset + 17] & 0xff;
            receiver.apply(java.util.Arrays.copyOfRange(feed, offset, offset + length));
            offset += length;
        }
        byte[] withdraw = WireSession.encode(new MessageEncoder(EBGP),
                Update.withdraw(PrefixList.of(AfiSafi.IPV4_UNICAST, List.of(plan.prefix(0), plan.prefix(3)))));
        receiver.apply(withdraw);
        assertThat(receiver.held()).isEqualTo(8);
        assertThat(receiver.completedAt()).as("never held 11").isZero();
    }
}
