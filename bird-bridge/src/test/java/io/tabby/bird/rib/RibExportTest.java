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
import static io.tabby.bird.rib.RibFixtures.ip;
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
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RibExportTest {
    private static final int CLUSTER_ID = ip("10.255.0.1");
    private static final Ipv4Prefix NET = prefix("10.1.0.0/26");
    private static final PeerInfo C1 = ibgp(1, "10.0.0.11", true);
    private static final PeerInfo C2 = ibgp(2, "10.0.0.12", true);
    private static final PeerInfo N1 = ibgp(3, "10.0.0.21", false);
    private static final PeerInfo N2 = ibgp(4, "10.0.0.22", false);
    private static final PeerInfo E1 = ebgp(5, "192.0.2.1", 65001);
    private static final PeerInfo N3_SELF = new PeerInfo(6, RibFixtures.address("10.0.0.23"), LOCAL_AS,
            ip("10.0.0.23"), true, false, true, ROUTER_ID, LOCAL_V6);

    private final Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID).withClusterId(CLUSTER_ID), new AttributeInterner());

    RibExportTest() {
        for (PeerInfo peer : List.of(C1, C2, N1, N2, E1, N3_SELF)) {
            rib.addPeer(peer, ExportFilter.ALL);
            rib.peerUp(peer, SEND, BOTH);
            rib.drain(peer.id());
        }
    }

    private AttributeSet sentTo(PeerInfo peer) {
        rib.drain(peer.id());
        return rib.advertised(peer.id(), NET).map(Advert::attributes).orElse(null);
    }

    @Test
    void aClientRouteIsReflectedToOtherClientsWithOriginatorIdAndClusterList() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET));
        AttributeSet reflected = sentTo(C2);
        assertThat(reflected.get(OriginatorId.class)).contains(new OriginatorId(C1.routerId()));
        assertThat(reflected.get(ClusterList.class)).contains(new ClusterList(List.of(CLUSTER_ID)));
        assertThat(reflected.get(NextHop.class)).contains(new NextHop(ip("10.0.0.11")));
        assertThat(reflected.get(LocalPref.class)).contains(new LocalPref(100));
        assertThat(sentTo(C1)).as("never back to the sender").isNull();
    }

    @Test
    void aClientRouteIsReflectedToNonClients() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET));
        assertThat(sentTo(N1)).isNotNull();
        assertThat(sentTo(N2).get(OriginatorId.class)).contains(new OriginatorId(C1.routerId()));
    }

    @Test
    void aNonClientRouteGoesToClientsOnly() {
        rib.receive(N1.id(), announce(attrs(path(), "10.0.0.21"), NET));
        assertThat(sentTo(C1)).isNotNull();
        assertThat(sentTo(C2).get(ClusterList.class)).contains(new ClusterList(List.of(CLUSTER_ID)));
        assertThat(sentTo(N2)).as("non-client to non-client is split horizon").isNull();
        assertThat(sentTo(E1)).as("eBGP peers still get it").isNotNull();
    }

    @Test
    void reflectionKeepsAnOriginatorIdAndPrependsOurClusterId() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11", new OriginatorId(ip("10.9.9.9")),
                new ClusterList(List.of(77))), NET));
        AttributeSet reflected = sentTo(C2);
        assertThat(reflected.get(OriginatorId.class)).contains(new OriginatorId(ip("10.9.9.9")));
        assertThat(reflected.get(ClusterList.class)).contains(new ClusterList(List.of(CLUSTER_ID, 77)));
    }

    @Test
    void aRouteThatCameFromUsOrThroughOurClusterIsDropped() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11", new OriginatorId(ROUTER_ID)), NET));
        assertThat(rib.bestPath(NET)).isEmpty();
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11", new ClusterList(List.of(5, CLUSTER_ID))), NET));
        assertThat(rib.bestPath(NET)).isEmpty();
    }

    @Test
    void aLoopingReannouncementWithdrawsTheEarlierPath() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET));
        assertThat(rib.bestPath(NET)).isPresent();
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11", new ClusterList(List.of(CLUSTER_ID))), NET));
        assertThat(rib.bestPath(NET)).isEmpty();
        assertThat(sentTo(C2)).isNull();
    }

    @Test
    void withoutClientsIbgpRoutesAreNotPassedToOtherIbgpPeers() {
        Rib plain = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());
        for (PeerInfo peer : List.of(N1, N2, E1)) {
            plain.addPeer(peer, ExportFilter.ALL);
            plain.peerUp(peer, SEND, BOTH);
        }
        plain.receive(N1.id(), announce(attrs(path(), "10.0.0.21"), NET));
        plain.drain(N2.id());
        plain.drain(E1.id());
        assertThat(plain.advertised(N2.id(), NET)).isEmpty();
        assertThat(plain.advertised(E1.id(), NET)).isPresent();
    }

    @Test
    void ebgpExportPrependsOurAsSetsNextHopSelfAndStripsIbgpAttributes() {
        rib.receive(C1.id(), announce(attrs(path(65010L), "10.0.0.11", new LocalPref(300), new MultiExitDisc(4),
                new OriginatorId(ip("10.9.9.9")), new ClusterList(List.of(77))), NET));
        AttributeSet sent = sentTo(E1);
        assertThat(sent.get(AsPath.class)).contains(path(LOCAL_AS, 65010L));
        assertThat(sent.get(NextHop.class)).contains(new NextHop(ROUTER_ID));
        assertThat(sent.get(Origin.class)).contains(Origin.IGP);
        assertThat(sent.get(LocalPref.class)).isEmpty();
        assertThat(sent.get(MultiExitDisc.class)).isEmpty();
        assertThat(sent.get(OriginatorId.class)).isEmpty();
        assertThat(sent.get(ClusterList.class)).isEmpty();
    }

    @Test
    void ebgpRoutesGoToIbgpWithLocalPrefAndTheirNextHopUnlessNextHopSelf() {
        rib.receive(E1.id(), announce(attrs(path(65001L), "192.0.2.1"), NET));
        AttributeSet toNonClient = sentTo(N1);
        assertThat(toNonClient.get(LocalPref.class)).contains(new LocalPref(100));
        assertThat(toNonClient.get(NextHop.class)).contains(new NextHop(ip("192.0.2.1")));
        assertThat(toNonClient.get(AsPath.class)).contains(path(65001L));
        assertThat(toNonClient.get(OriginatorId.class)).as("not reflected, so no ORIGINATOR_ID").isEmpty();
        assertThat(sentTo(N3_SELF).get(NextHop.class)).contains(new NextHop(ROUTER_ID));
        assertThat(sentTo(E1)).as("never back to the sender").isNull();
    }

    @Test
    void ebgpRoutesWithOurAsInThePathAreDropped() {
        rib.receive(E1.id(), announce(attrs(path(65001L, LOCAL_AS), "192.0.2.1"), NET));
        assertThat(rib.bestPath(NET)).isEmpty();
    }

    @Test
    void theExportFilterCanRefuseARoute() {
        Rib filtered = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());
        filtered.addPeer(E1, ExportFilter.ALL);
        filtered.addPeer(N1, (target, route) -> !route.prefix().equals(NET));
        filtered.peerUp(E1, SEND, BOTH);
        filtered.peerUp(N1, SEND, BOTH);
        Ipv4Prefix other = prefix("10.2.0.0/26");
        filtered.receive(E1.id(), announce(attrs(path(65001L), "192.0.2.1"), NET, other));
        filtered.drain(N1.id());
        assertThat(filtered.advertised(N1.id(), NET)).isEmpty();
        assertThat(filtered.advertised(N1.id(), other)).isPresent();
    }

    @Test
    void aWithdrawalReachesThePeersThatHadTheRoute() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET));
        rib.drain(C2.id());
        rib.receive(C1.id(), withdraw(NET));
        List<Update> updates = rib.drain(C2.id());
        assertThat(updates).containsExactly(withdraw(NET));
        assertThat(rib.advertised(C2.id(), NET)).isEmpty();
        assertThat(rib.drain(N2.id())).as("announced and withdrawn between two drains: nothing to say").isEmpty();
    }

    @Test
    void aBetterPathFromTheReceivingPeerWithdrawsWhatItWasSent() {
        rib.receive(E1.id(), announce(attrs(path(65001L, 9L), "192.0.2.1"), NET));
        assertThat(sentTo(C1)).isNotNull();
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11", new LocalPref(500)), NET));
        assertThat(rib.bestPath(NET).orElseThrow().best().source()).isEqualTo(C1);
        assertThat(rib.drain(C1.id())).containsExactly(withdraw(NET));
    }

    @Test
    void ipv6NextHopsAreKeptOrReplacedByOurs() {
        Ipv6Prefix net6 = new Ipv6Prefix(0xfd00_0000_0000_0001L, 0, 64);
        Bytes theirs = Bytes.fromHex("fd000000000000000000000000000011");
        AttributeSet attributes = AttributeSet.of(Origin.IGP, AsPath.EMPTY);
        rib.receive(C1.id(), Update.announce(attributes,
                new MpReachNlri(theirs, PrefixList.of(AfiSafi.IPV6_UNICAST, List.of(net6)))));
        rib.drain(C2.id());
        rib.drain(N3_SELF.id());
        rib.drain(E1.id());
        assertThat(rib.advertised(C2.id(), net6).map(Advert::mpNextHop)).isEqualTo(Optional.of(theirs));
        assertThat(rib.advertised(N3_SELF.id(), net6).map(Advert::mpNextHop)).contains(LOCAL_V6);
        assertThat(rib.advertised(E1.id(), net6).map(Advert::mpNextHop)).contains(LOCAL_V6);
        assertThat(rib.advertised(E1.id(), net6).orElseThrow().attributes().get(NextHop.class)).isEmpty();
    }

    @Test
    void bestPathExplainsTheDecision() {
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11", new LocalPref(50)), NET));
        rib.receive(N1.id(), announce(attrs(path(), "10.0.0.21", new LocalPref(150)), NET));
        Decision decision = rib.bestPath(NET).orElseThrow();
        assertThat(decision.best().source()).isEqualTo(N1);
        assertThat(decision.step()).isEqualTo(DecisionStep.LOCAL_PREF);
        assertThat(rib.paths(NET)).hasSize(2);
    }

    @Test
    void prefixesSharingAttributesShareOneAdvertPerPeer() {
        Ipv4Prefix other = prefix("10.2.0.0/26");
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET, other));
        rib.drain(C2.id());
        assertThat(rib.advertised(C2.id(), NET).orElseThrow()).isSameAs(rib.advertised(C2.id(), other).orElseThrow());
    }

    @Test
    void aRouterIdLearnedAtSessionUpIsUsedForOriginatorId() {
        PeerInfo renamed = new PeerInfo(C1.id(), C1.address(), LOCAL_AS, ip("10.7.7.7"), true, true, false,
                ROUTER_ID, LOCAL_V6);
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET));
        assertThat(sentTo(C2).get(OriginatorId.class)).contains(new OriginatorId(C1.routerId()));
        rib.peerDown(C1.id(), Set.of());
        rib.peerUp(renamed, SEND, BOTH);
        rib.receive(C1.id(), announce(attrs(path(), "10.0.0.11"), NET));
        assertThat(sentTo(C2).get(OriginatorId.class)).contains(new OriginatorId(ip("10.7.7.7")));
    }
}
