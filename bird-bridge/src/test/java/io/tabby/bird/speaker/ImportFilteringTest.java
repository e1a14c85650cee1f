package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.message.Update;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportFilteringTest {
    private static final PeerInfo FROM = new PeerInfo(1, InetAddress.ofLiteral("192.0.2.2"), 65001, 1, false, false,
            false, 0, Bytes.EMPTY);
    private static final AttributeSet ATTRIBUTES = AttributeSet.of(Origin.IGP, AsPath.EMPTY, new NextHop(0xc0000202));
    /** Accepts prefixes inside 10.65.0.0/16 only, like Calico's pool filters. */
    private static final ImportFilter POOLS = (from, prefix, attributes) -> prefix instanceof Ipv4Prefix p
            && p.length() >= 16 && (p.address() & 0xffff0000) == 0x0a410000;

    @Test
    void acceptAllPassesTheUpdateThrough() {
        Update update = Update.announce(ATTRIBUTES, v4("10.65.1.0/26", "192.168.0.0/24"));
        List<Update> out = new ArrayList<>();

        ImportFiltering.apply(update, ImportFilter.ALL, FROM, out::add);

        assertThat(out).containsExactly(update);
    }

    @Test
    void refusedAnnouncementsBecomeWithdrawals() {
        PrefixList withdrawn = v4("10.65.9.0/26");
        Update update = new Update(withdrawn, ATTRIBUTES, v4("10.65.1.0/26", "192.168.0.0/24", "10.65.2.0/26"),
                Optional.empty(), Optional.empty());
        List<Update> out = new ArrayList<>();

        ImportFiltering.apply(update, POOLS, FROM, out::add);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).withdrawn()).isEqualTo(withdrawn);
        assertThat(out.get(0).nlri()).isEqualTo(v4("10.65.1.0/26", "10.65.2.0/26"));
        assertThat(out.get(1)).isEqualTo(Update.withdraw(v4("192.168.0.0/24")));
    }

    @Test
    void mpReachAnnouncementsAreFilteredToo() {
        PrefixList v6 = PrefixList.of(AfiSafi.IPV6_UNICAST, List.of(Prefixes.parse("fd00::/64")));
        Update update = Update.announce(AttributeSet.of(Origin.IGP, AsPath.EMPTY),
                new MpReachNlri(Bytes.fromHex("fd000000000000000000000000000002"), v6));
        List<Update> out = new ArrayList<>();

        ImportFiltering.apply(update, ImportFilter.NONE, FROM, out::add);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).hasReachable()).isFalse();
        assertThat(out.get(1)).isEqualTo(Update.withdraw(v6));
    }

    private static PrefixList v4(String... prefixes) {
        return PrefixList.of(AfiSafi.IPV4_UNICAST, java.util.Arrays.stream(prefixes).map(Ipv4Prefix::parse).toList());
    }
}
