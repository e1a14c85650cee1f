package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.ROUTER_ID;
import static io.tabby.bird.rib.RibFixtures.SEND;
import static io.tabby.bird.rib.RibFixtures.announce;
import static io.tabby.bird.rib.RibFixtures.attrs;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.path;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static io.tabby.bird.rib.RibFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changed prefixes are marked dirty per peer and worked out at the drain: flaps between drains
 * coalesce, a dirty list that outgrows its limit falls back to a rescan with the same outcome,
 * and an entry whose withdrawal one peer has not been sent yet keeps what that peer holds.
 */
class DirtyListTest {
    private static final Ipv4Prefix NET = prefix("10.1.0.0/26");
    private static final PeerInfo SOURCE = ebgp(1, "192.0.2.1", 65001);
    private static final PeerInfo P = ebgp(2, "192.0.2.2", 65002);
    private static final PeerInfo Q = ebgp(3, "192.0.2.3", 65003);
    private static final AttributeSet FIRST = attrs(path(65001L), "192.0.2.1");
    private static final AttributeSet SECOND = attrs(path(65001L, 7L), "192.0.2.1");

    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());

    DirtyListTest() {
        for (PeerInfo peer : List.of(SOURCE, P, Q)) {
            rib.addPeer(peer, ExportFilter.ALL);
            rib.peerUp(peer, SEND, BOTH);
            rib.drain(peer.id());
        }
    }

    @Test
    void flapsPastTheDirtyLimitStillEndInOneWithdrawal() {
        rib.receive(SOURCE.id(), announce(FIRST, NET));
        assertThat(rib.drain(P.id())).hasSize(1);
        // 2 x 40,000 best-path changes without a drain: more than the dirty list may hold.
        for (int i = 0; i < 40_000; i++) {
            rib.receive(SOURCE.id(), withdraw(NET));
            rib.receive(SOURCE.id(), announce(i % 2 == 0 ? SECOND : FIRST, NET));
        }
        rib.receive(SOURCE.id(), withdraw(NET));
        assertThat(rib.drain(P.id())).containsExactly(withdraw(NET));
        assertThat(rib.drain(P.id())).isEmpty();
        assertThat(rib.exportedCount(P.id())).isZero();
        assertThat(rib.prefixCount()).isZero();
    }

    @Test
    void manyPrefixesChangedBetweenDrainsAreEachSentOnceWithTheirLastAdvert() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 30_000; i++) {
                rib.receive(SOURCE.id(), announce(round == 1 ? SECOND : FIRST, new Ipv4Prefix(i << 6, 26)));
            }
        }
        List<Update> updates = rib.drain(P.id());
        int prefixes = updates.stream().mapToInt(u -> u.nlri().size()).sum();
        assertThat(prefixes).isEqualTo(30_000);
        AttributeSet last = rib.advertised(P.id(), new Ipv4Prefix(0, 26)).orElseThrow().attributes();
        assertThat(last.get(AsPath.class)).contains(new AsPath(List.of(AsPathSegment.sequence(LOCAL_AS, 65001L))));
        assertThat(updates).allSatisfy(u -> assertThat(u.attributes()).isEqualTo(last));
        assertThat(rib.exportedCount(P.id())).isEqualTo(30_000);
    }

    @Test
    void aWithdrawalNotYetSentToOnePeerKeepsWhatThatPeerHolds() {
        rib.receive(SOURCE.id(), announce(FIRST, NET));
        rib.drain(P.id());
        rib.drain(Q.id());
        rib.receive(SOURCE.id(), withdraw(NET));
        assertThat(rib.prefixCount()).isZero();
        assertThat(rib.drain(P.id())).containsExactly(withdraw(NET));
        // Q has not been told yet; the same route comes back before it is.
        rib.receive(SOURCE.id(), announce(FIRST, NET));
        assertThat(rib.drain(Q.id())).as("Q still holds exactly this").isEmpty();
        assertThat(rib.advertised(Q.id(), NET)).isPresent();
        assertThat(rib.drain(P.id())).hasSize(1);
        assertThat(rib.prefixCount()).isEqualTo(1);
    }

    @Test
    void aPeerThatWentDownHoldsNothingAndGetsEverythingAgain() {
        rib.receive(SOURCE.id(), announce(FIRST, NET));
        rib.drain(P.id());
        rib.peerDown(P.id(), java.util.Set.of());
        assertThat(rib.exportedCount(P.id())).isZero();
        rib.peerUp(P, SEND, BOTH);
        List<Update> updates = rib.drain(P.id());
        assertThat(updates.stream().mapToInt(u -> u.nlri().size()).sum()).isEqualTo(1);
        assertThat(rib.exportedCount(P.id())).isEqualTo(1);
    }
}
