package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.ROUTER_ID;
import static io.tabby.bird.rib.RibFixtures.SEND;
import static io.tabby.bird.rib.RibFixtures.announce;
import static io.tabby.bird.rib.RibFixtures.attrs;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.ibgp;
import static io.tabby.bird.rib.RibFixtures.path;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static io.tabby.bird.rib.RibFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SessionDown with stale families, End-of-RIB (FlushStale) and re-announcement (RFC 4724 §4.2). */
class GracefulRestartTest {
    private static final PeerInfo RESTARTING = ebgp(1, "192.0.2.1", 65001);
    private static final PeerInfo WATCHER = ibgp(2, "10.0.0.2", false);
    private static final Ipv4Prefix KEPT = prefix("10.1.0.0/26");
    private static final Ipv4Prefix GONE = prefix("10.1.0.64/26");
    private static final Ipv6Prefix V6 = new Ipv6Prefix(0xfd00_0000_0000_0002L, 0, 64);

    private final AttributeInterner interner = new AttributeInterner();
    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), interner);

    GracefulRestartTest() {
        rib.addPeer(RESTARTING, ExportFilter.ALL);
        rib.addPeer(WATCHER, ExportFilter.ALL);
        rib.peerUp(RESTARTING, SEND, BOTH);
        rib.peerUp(WATCHER, SEND, BOTH);
        rib.receive(RESTARTING.id(), announce(attrs(path(65001L), "192.0.2.1"), KEPT, GONE));
        rib.receive(RESTARTING.id(), Update.announce(AttributeSet.of(Origin.IGP, new AsPath(path(65001L).segments())),
                new MpReachNlri(Bytes.fromHex("fd000000000000000000000000000009"),
                        PrefixList.of(AfiSafi.IPV6_UNICAST, List.of(V6)))));
        rib.drain(WATCHER.id());
    }

    @Test
    void sessionDownKeepsTheStaleFamiliesMarkedAndDropsTheRest() {
        rib.peerDown(RESTARTING.id(), Set.of(AfiSafi.IPV4_UNICAST));
        assertThat(rib.bestPath(KEPT).orElseThrow().best().stale()).isTrue();
        assertThat(rib.bestPath(GONE).orElseThrow().best().stale()).isTrue();
        assertThat(rib.bestPath(V6)).isEmpty();
        List<Update> toWatcher = rib.drain(WATCHER.id());
        assertThat(toWatcher).as("stale routes stay advertised; only IPv6 is withdrawn")
                .containsExactly(Update.withdraw(PrefixList.of(AfiSafi.IPV6_UNICAST, List.of(V6))));
    }

    @Test
    void reannouncingClearsStaleAndEndOfRibFlushesWhatWasNotReannounced() {
        rib.peerDown(RESTARTING.id(), Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST));
        rib.peerUp(RESTARTING, SEND, BOTH);
        rib.receive(RESTARTING.id(), announce(attrs(path(65001L), "192.0.2.1"), KEPT));
        assertThat(rib.bestPath(KEPT).orElseThrow().best().stale()).isFalse();
        assertThat(rib.bestPath(GONE).orElseThrow().best().stale()).isTrue();
        rib.drain(WATCHER.id());

        rib.receive(RESTARTING.id(), Update.endOfRib(AfiSafi.IPV4_UNICAST));
        assertThat(rib.bestPath(GONE)).as("End-of-RIB alone changes nothing; the FSM sends FlushStale").isPresent();
        rib.flushStale(RESTARTING.id(), Set.of(AfiSafi.IPV4_UNICAST));
        assertThat(rib.bestPath(GONE)).isEmpty();
        assertThat(rib.bestPath(KEPT)).isPresent();
        assertThat(rib.bestPath(V6)).as("IPv6 is not flushed yet").isPresent();
        assertThat(rib.drain(WATCHER.id())).containsExactly(withdraw(GONE));

        rib.flushStale(RESTARTING.id(), Set.of(AfiSafi.IPV6_UNICAST));
        assertThat(rib.bestPath(V6)).isEmpty();
    }

    @Test
    void aPlainSessionDownWithdrawsEverything() {
        rib.peerDown(RESTARTING.id(), Set.of());
        assertThat(rib.prefixCount()).isZero();
        assertThat(rib.drain(WATCHER.id())).hasSize(2);
        assertThat(rib.drain(RESTARTING.id())).as("a down peer is sent nothing").isEmpty();
        rib.sweepAttributes();
        assertThat(interner.size()).as("no route uses any attribute set now").isZero();
    }

    @Test
    void sweepingKeepsTheSetsStillInUse() {
        rib.sweepAttributes();
        assertThat(interner.size()).isPositive();
        assertThat(rib.bestPath(KEPT).orElseThrow().best().attributes())
                .isSameAs(interner.intern(attrs(path(65001L), "192.0.2.1")));
    }
}
