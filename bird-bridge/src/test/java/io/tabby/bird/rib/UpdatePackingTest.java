package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.ROUTER_ID;
import static io.tabby.bird.rib.RibFixtures.SEND;
import static io.tabby.bird.rib.RibFixtures.attrs;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.ibgp;
import static io.tabby.bird.rib.RibFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdatePackingTest {
    private static final PeerInfo SOURCE = ebgp(1, "192.0.2.1", 65001);
    private static final PeerInfo TARGET = ibgp(2, "10.0.0.2", false);

    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());
    private final MessageEncoder encoder = new MessageEncoder(SEND);

    UpdatePackingTest() {
        rib.addPeer(SOURCE, ExportFilter.ALL);
        rib.addPeer(TARGET, ExportFilter.ALL);
        rib.peerUp(SOURCE, SEND, BOTH);
        rib.peerUp(TARGET, SEND, BOTH);
        rib.drain(TARGET.id());
    }

    private static List<Prefix> slash26s(int count, int base) {
        List<Prefix> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Ipv4Prefix(base + (i << 6), 26));
        }
        return out;
    }

    private int length(Update update) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.encode(update, buf);
            return buf.readableBytes();
        } finally {
            buf.release();
        }
    }

    private static int prefixesIn(Update update) {
        return update.nlri().size() + update.withdrawn().size()
                + update.mpReach().map(r -> r.nlri().size()).orElse(0)
                + update.mpUnreach().map(u -> u.withdrawn().size()).orElse(0);
    }

    @Test
    void prefixesSharingAttributesFillWholeUpdatesWithinTheLimit() {
        int n = 2000;
        List<Prefix> prefixes = slash26s(n, 0x0a000000);
        rib.receive(SOURCE.id(), Update.announce(attrs(path(65001L), "192.0.2.1"),
                PrefixList.of(AfiSafi.IPV4_UNICAST, prefixes)));
        List<Update> updates = rib.drain(TARGET.id());

        AttributeSet sent = rib.advertised(TARGET.id(), prefixes.getFirst()).orElseThrow().attributes();
        int fixed = length(Update.announce(sent, PrefixList.empty(AfiSafi.IPV4_UNICAST)));
        int perUpdate = (4096 - fixed) / 5;
        assertThat(perUpdate).as("bgp-anchors §6.2: about 810 /26 per 4096-octet UPDATE").isBetween(800, 815);
        assertThat(updates).hasSize((n + perUpdate - 1) / perUpdate);
        int total = 0;
        for (Update update : updates) {
            assertThat(length(update)).isLessThanOrEqualTo(4096);
            assertThat(update.attributes()).isSameAs(sent);
            total += prefixesIn(update);
        }
        assertThat(total).isEqualTo(n);
        assertThat(prefixesIn(updates.getFirst())).isEqualTo(perUpdate);
    }

    @Test
    void differentAttributeSetsGoInSeparateUpdates() {
        rib.receive(SOURCE.id(), Update.announce(attrs(path(65001L), "192.0.2.1", new LocalPref(1)),
                PrefixList.of(AfiSafi.IPV4_UNICAST, slash26s(3, 0x0a000000))));
        rib.receive(SOURCE.id(), Update.announce(attrs(path(65001L, 7L), "192.0.2.1"),
                PrefixList.of(AfiSafi.IPV4_UNICAST, slash26s(3, 0x0b000000))));
        List<Update> updates = rib.drain(TARGET.id());
        assertThat(updates).hasSize(2);
        assertThat(updates).allSatisfy(u -> assertThat(u.nlri().size()).isEqualTo(3));
        assertThat(updates.get(0).attributes()).isNotEqualTo(updates.get(1).attributes());
    }

    @Test
    void withdrawalsAreBatchedToo() {
        int n = 2000;
        List<Prefix> prefixes = slash26s(n, 0x0a000000);
        rib.receive(SOURCE.id(), Update.announce(attrs(path(65001L), "192.0.2.1"),
                PrefixList.of(AfiSafi.IPV4_UNICAST, prefixes)));
        rib.drain(TARGET.id());
        rib.receive(SOURCE.id(), Update.withdraw(PrefixList.of(AfiSafi.IPV4_UNICAST, prefixes)));
        List<Update> updates = rib.drain(TARGET.id());
        int perUpdate = (4096 - 23) / 5;
        assertThat(updates).hasSize((n + perUpdate - 1) / perUpdate);
        int total = 0;
        for (Update update : updates) {
            assertThat(length(update)).isLessThanOrEqualTo(4096);
            assertThat(update.hasReachable()).isFalse();
            total += prefixesIn(update);
        }
        assertThat(total).isEqualTo(n);
    }

    @Test
    void ipv6PrefixesArePackedIntoMpReachWithinTheLimit() {
        int n = 600;
        List<Prefix> prefixes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prefixes.add(new Ipv6Prefix(0xfd00_0000_0000_0000L, (long) i << 6, 122));
        }
        AttributeSet attributes = AttributeSet.of(Origin.IGP, new AsPath(path(65001L).segments()));
        rib.receive(SOURCE.id(), Update.announce(attributes, new MpReachNlri(
                Bytes.fromHex("fd000000000000000000000000000009"), PrefixList.of(AfiSafi.IPV6_UNICAST, prefixes))));
        List<Update> updates = rib.drain(TARGET.id());
        int total = 0;
        for (Update update : updates) {
            assertThat(length(update)).isLessThanOrEqualTo(4096);
            total += prefixesIn(update);
        }
        assertThat(total).isEqualTo(n);
        assertThat(prefixesIn(updates.getFirst())).as("bgp-anchors §6.2: about 237 /122 per UPDATE").isBetween(230, 240);
        assertThat(updates).hasSize((n + prefixesIn(updates.getFirst()) - 1) / prefixesIn(updates.getFirst()));
    }

    @Test
    void theInitialSyncEndsWithEndOfRibForEachFamily() {
        rib.receive(SOURCE.id(), Update.announce(attrs(path(65001L), "192.0.2.1"),
                PrefixList.of(AfiSafi.IPV4_UNICAST, slash26s(5, 0x0a000000))));
        PeerInfo late = ibgp(3, "10.0.0.3", false);
        rib.addPeer(late, ExportFilter.ALL);
        rib.peerUp(late, SEND, Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST));
        List<Update> updates = rib.drain(late.id());
        assertThat(updates).hasSize(3);
        assertThat(updates.getFirst().nlri().size()).isEqualTo(5);
        assertThat(updates.subList(1, 3)).extracting(u -> u.endOfRibFamily().orElseThrow())
                .containsExactlyInAnyOrder(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);
        assertThat(rib.drain(late.id())).as("End-of-RIB is sent once").isEmpty();
    }

    @Test
    void extendedMessagesHoldMorePrefixes() {
        PeerInfo big = ibgp(4, "10.0.0.4", false);
        rib.addPeer(big, ExportFilter.ALL);
        rib.peerUp(big, SEND.withExtendedMessage(true), Set.of(AfiSafi.IPV4_UNICAST));
        rib.receive(SOURCE.id(), Update.announce(attrs(path(65001L), "192.0.2.1"),
                PrefixList.of(AfiSafi.IPV4_UNICAST, slash26s(5000, 0x0a000000))));
        List<Update> updates = rib.drain(big.id());
        assertThat(updates).hasSize(2);
        assertThat(updates.getFirst().nlri().size()).isEqualTo(5000);
        assertThat(updates.get(1).endOfRibFamily()).contains(AfiSafi.IPV4_UNICAST);
    }
}
