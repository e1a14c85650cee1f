package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.LOCAL_V6;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routes the speaker originates itself (Calico's blocks through BIRD's static protocol). */
class OriginationTest {
    private static final AttributeSet LOCAL = AttributeSet.of(Origin.IGP, AsPath.EMPTY);
    private static final Ipv4Prefix BLOCK = prefix("10.65.0.0/26");
    private static final PeerInfo MESH = ibgp(1, "10.0.0.2", false);
    private static final PeerInfo UPSTREAM = ebgp(2, "192.0.2.1", 65001);

    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());

    OriginationTest() {
        for (PeerInfo peer : List.of(MESH, UPSTREAM)) {
            rib.addPeer(peer, ExportFilter.ALL);
            rib.peerUp(peer, SEND, BOTH);
            rib.drain(peer.id());
        }
    }

    @Test
    void anOriginatedRouteGoesToIbgpPeersWithOurNextHopAndLocalPref() {
        rib.originate(BLOCK, LOCAL);
        rib.drain(MESH.id());
        AttributeSet sent = rib.advertised(MESH.id(), BLOCK).orElseThrow().attributes();
        assertThat(sent.get(NextHop.class)).contains(new NextHop(ROUTER_ID));
        assertThat(sent.get(LocalPref.class)).contains(new LocalPref(100));
        assertThat(sent.get(AsPath.class)).contains(AsPath.EMPTY);
        assertThat(sent.get(OriginatorId.class)).isEmpty();
        assertThat(rib.bestPath(BLOCK).orElseThrow().best().source().isLocal()).isTrue();
    }

    @Test
    void anOriginatedRouteGoesToEbgpPeersWithOurAs() {
        rib.originate(BLOCK, LOCAL);
        rib.drain(UPSTREAM.id());
        AttributeSet sent = rib.advertised(UPSTREAM.id(), BLOCK).orElseThrow().attributes();
        assertThat(sent.get(AsPath.class)).contains(path(LOCAL_AS));
        assertThat(sent.get(NextHop.class)).contains(new NextHop(ROUTER_ID));
    }

    @Test
    void anOriginatedIpv6RouteCarriesOurIpv6NextHop() {
        Ipv6Prefix block6 = new Ipv6Prefix(0xfd00_0000_0000_0000L, 0, 122);
        rib.originate(block6, LOCAL);
        rib.drain(MESH.id());
        assertThat(rib.advertised(MESH.id(), block6).orElseThrow().mpNextHop()).isEqualTo(LOCAL_V6);
    }

    @Test
    void ourOwnRouteBeatsAnIbgpCopyAndWithdrawingItFallsBack() {
        rib.receive(MESH.id(), announce(attrs(path(), "10.0.0.2"), BLOCK));
        rib.originate(BLOCK, LOCAL);
        assertThat(rib.bestPath(BLOCK).orElseThrow().best().source().isLocal()).isTrue();
        rib.drain(MESH.id());
        rib.withdrawOriginated(BLOCK);
        assertThat(rib.bestPath(BLOCK).orElseThrow().best().source()).isEqualTo(MESH);
        assertThat(rib.drain(MESH.id())).as("the mesh peer's own route is not sent back").containsExactly(withdraw(BLOCK));
    }

    @Test
    void theLocalSpeakerIsNotAPeer() {
        assertThatThrownBy(() -> rib.drain(PeerInfo.LOCAL_ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rib.addPeer(PeerInfo.local(LOCAL_AS, ROUTER_ID), ExportFilter.ALL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rib.peerDown(PeerInfo.LOCAL_ID, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
