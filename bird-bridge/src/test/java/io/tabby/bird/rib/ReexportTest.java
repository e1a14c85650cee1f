package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.ROUTER_ID;
import static io.tabby.bird.rib.RibFixtures.SEND;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.ibgp;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static io.tabby.bird.rib.RibFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-evaluating a peer's Adj-RIB-Out: a replaced export filter, and ROUTE-REFRESH. */
class ReexportTest {
    private static final AttributeSet LOCAL = AttributeSet.of(Origin.IGP, AsPath.EMPTY);
    private static final Ipv4Prefix BLOCK = prefix("10.65.0.0/26");
    private static final PeerInfo MESH = ibgp(1, "10.0.0.2", false);
    private static final PeerInfo UPSTREAM = ebgp(2, "192.0.2.1", 65001);

    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());

    ReexportTest() {
        for (PeerInfo peer : List.of(MESH, UPSTREAM)) {
            rib.addPeer(peer, ExportFilter.ALL);
            rib.peerUp(peer, SEND, BOTH);
            rib.drain(peer.id());
        }
    }

    @Test
    void aNewExportFilterWithdrawsWhatItRefusesAndAnnouncesWhatItAccepts() {
        Ipv4Prefix other = prefix("10.65.0.64/26");
        rib.originate(BLOCK, LOCAL);
        rib.originate(other, LOCAL);
        rib.drain(UPSTREAM.id());
        rib.replaceExportFilter(UPSTREAM.id(), (target, route) -> !route.prefix().equals(BLOCK));
        assertThat(rib.drain(UPSTREAM.id())).containsExactly(withdraw(BLOCK));
        rib.replaceExportFilter(UPSTREAM.id(), ExportFilter.ALL);
        assertThat(rib.drain(UPSTREAM.id())).hasSize(1);
        assertThat(rib.advertised(UPSTREAM.id(), BLOCK)).isPresent();
    }

    @Test
    void aRefreshSendsEverythingAgainWithoutEndOfRib() {
        rib.originate(BLOCK, LOCAL);
        rib.originate(prefix("10.65.0.64/26"), LOCAL);
        rib.drain(MESH.id());
        assertThat(rib.drain(MESH.id())).isEmpty();
        rib.resend(MESH.id());
        List<Update> again = rib.drain(MESH.id());
        assertThat(again).hasSize(1);
        assertThat(again.getFirst().nlri().size()).isEqualTo(2);
    }
}
