package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.attrs;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.ibgp;
import static io.tabby.bird.rib.RibFixtures.ip;
import static io.tabby.bird.rib.RibFixtures.path;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestPathSelectorTest {
    private static final Ipv4Prefix NET = prefix("10.1.0.0/26");
    private static final PeerInfo I1 = ibgp(1, "10.0.0.2", false);
    private static final PeerInfo I2 = ibgp(2, "10.0.0.3", false);
    private static final PeerInfo E1 = ebgp(3, "192.0.2.1", 65001);
    private static final PeerInfo E2 = ebgp(4, "192.0.2.2", 65002);

    private final BestPathSelector selector = new BestPathSelector(RibConfig.of(LOCAL_AS, ip("10.0.0.1")));

    private static Route route(PeerInfo peer, AttributeSet attributes) {
        return RibFixtures.route(NET, peer, attributes);
    }

    private static Decision select(BestPathSelector selector, Route... routes) {
        return selector.select(routes, routes.length);
    }

    @Test
    void aSinglePathWinsAsTheOnlyPath() {
        Route only = route(I1, attrs(path(), "10.0.0.2"));
        assertThat(select(selector, only)).isEqualTo(new Decision(only, DecisionStep.ONLY_PATH, 1));
        assertThat(selector.select(new Route[0], 0)).isNull();
    }

    @Test
    void highestLocalPrefWinsBeforeAShorterPath() {
        Route high = route(I1, attrs(path(1L, 2L, 3L), "10.0.0.2", new LocalPref(200)));
        Route low = route(I2, attrs(path(), "10.0.0.3", new LocalPref(150)));
        Decision decision = select(selector, low, high);
        assertThat(decision.best()).isSameAs(high);
        assertThat(decision.step()).isEqualTo(DecisionStep.LOCAL_PREF);
        assertThat(decision.candidates()).isEqualTo(2);
    }

    @Test
    void aMissingLocalPrefCountsAsTheDefault() {
        Route none = route(E1, attrs(path(65001L), "192.0.2.1"));
        Route ninety = route(I1, attrs(path(), "10.0.0.2", new LocalPref(90)));
        assertThat(select(selector, ninety, none).best()).isSameAs(none);
        assertThat(select(selector, ninety, none).step()).isEqualTo(DecisionStep.LOCAL_PREF);
    }

    @Test
    void shortestAsPathWinsAndAnAsSetCountsOne() {
        AsPath withSet = new AsPath(List.of(AsPathSegment.sequence(65001L),
                new AsPathSegment(AsPathSegment.Type.AS_SET, List.of(1L, 2L, 3L, 4L))));
        Route setPath = route(E1, attrs(withSet, "192.0.2.1"));
        Route longer = route(E2, attrs(path(65002L, 7L, 8L), "192.0.2.2"));
        Decision decision = select(selector, longer, setPath);
        assertThat(decision.best()).isSameAs(setPath);
        assertThat(decision.step()).isEqualTo(DecisionStep.AS_PATH_LENGTH);
    }

    @Test
    void lowestOriginWins() {
        Route egp = route(E1, attrs(path(65001L), "192.0.2.1").with(Origin.EGP));
        Route incomplete = route(E2, attrs(path(65002L), "192.0.2.2").with(Origin.INCOMPLETE));
        Route igp = route(I1, attrs(path(65003L), "10.0.0.2"));
        Decision decision = select(selector, incomplete, egp, igp);
        assertThat(decision.best()).isSameAs(igp);
        assertThat(decision.step()).isEqualTo(DecisionStep.ORIGIN);
    }

    @Test
    void lowestMedWinsAmongPathsFromTheSameNeighbourAs() {
        Route med10 = route(I1, attrs(path(65001L), "10.0.0.2", new MultiExitDisc(10)));
        Route med5 = route(I2, attrs(path(65001L), "10.0.0.3", new MultiExitDisc(5)));
        Decision decision = select(selector, med10, med5);
        assertThat(decision.best()).isSameAs(med5);
        assertThat(decision.step()).isEqualTo(DecisionStep.MED);
    }

    @Test
    void medIsNotComparedAcrossNeighbourAsesUnlessConfigured() {
        // The higher MED comes from the lower router id, so only MED can make the other one win.
        Route highMed = route(I1, attrs(path(65001L), "10.0.0.2", new MultiExitDisc(50)));
        Route lowMed = route(I2, attrs(path(65002L), "10.0.0.3", new MultiExitDisc(5)));
        Decision perAs = select(selector, highMed, lowMed);
        assertThat(perAs.best()).isSameAs(highMed);
        assertThat(perAs.step()).isEqualTo(DecisionStep.ROUTER_ID);

        BestPathSelector always = new BestPathSelector(
                RibConfig.of(LOCAL_AS, ip("10.0.0.1")).withAlwaysCompareMed(true));
        Decision compared = select(always, highMed, lowMed);
        assertThat(compared.best()).isSameAs(lowMed);
        assertThat(compared.step()).isEqualTo(DecisionStep.MED);
    }

    @Test
    void medEliminationDoesNotDependOnPathOrder() {
        // A (AS 1, MED 10) loses to B (AS 1, MED 5); C (AS 2, MED 0) is not compared with either.
        // B and C then meet at later steps: C is eBGP, so C wins whatever the order.
        Route a = route(I1, attrs(path(1L), "10.0.0.2", new MultiExitDisc(10)));
        Route b = route(I2, attrs(path(1L), "10.0.0.3", new MultiExitDisc(5)));
        Route c = route(E1, attrs(path(2L), "192.0.2.1", new MultiExitDisc(0)));
        for (Route[] order : List.of(new Route[] {a, b, c}, new Route[] {c, b, a}, new Route[] {b, c, a})) {
            Decision decision = selector.select(order, 3);
            assertThat(decision.best()).isSameAs(c);
            assertThat(decision.step()).isEqualTo(DecisionStep.EXTERNAL_OVER_INTERNAL);
        }
    }

    @Test
    void aMissingMedCountsAsZero() {
        Route none = route(I1, attrs(path(65001L), "10.0.0.2"));
        Route one = route(I2, attrs(path(65001L), "10.0.0.3", new MultiExitDisc(1)));
        assertThat(select(selector, one, none).best()).isSameAs(none);
    }

    @Test
    void ebgpWinsOverIbgp() {
        Route internal = route(I1, attrs(path(65009L), "10.0.0.2"));
        Route external = route(E2, attrs(path(65002L), "192.0.2.2"));
        Decision decision = select(selector, internal, external);
        assertThat(decision.best()).isSameAs(external);
        assertThat(decision.step()).isEqualTo(DecisionStep.EXTERNAL_OVER_INTERNAL);
    }

    @Test
    void lowestIgpMetricWinsThroughTheHook() {
        Route near = route(I2, attrs(path(), "10.0.0.3"));
        Route far = route(I1, attrs(path(), "10.0.0.2"));
        BestPathSelector withIgp = new BestPathSelector(RibConfig.of(LOCAL_AS, ip("10.0.0.1"))
                .withIgpMetric(r -> r.source().id() == I1.id() ? 20 : 10));
        Decision decision = select(withIgp, far, near);
        assertThat(decision.best()).isSameAs(near);
        assertThat(decision.step()).isEqualTo(DecisionStep.IGP_METRIC);
    }

    @Test
    void theOlderEbgpPathWinsOnlyWhenConfigured() {
        Route older = new Route(NET, 0, attrs(path(65002L), "192.0.2.2"), Bytes.EMPTY, E2, 1, false);
        Route newer = new Route(NET, 0, attrs(path(65001L), "192.0.2.1"), Bytes.EMPTY, E1, 2, false);
        Decision byRouterId = select(selector, older, newer);
        assertThat(byRouterId.best()).isSameAs(newer);
        assertThat(byRouterId.step()).isEqualTo(DecisionStep.ROUTER_ID);

        BestPathSelector oldest = new BestPathSelector(
                RibConfig.of(LOCAL_AS, ip("10.0.0.1")).withPreferOldestExternal(true));
        Decision byAge = select(oldest, newer, older);
        assertThat(byAge.best()).isSameAs(older);
        assertThat(byAge.step()).isEqualTo(DecisionStep.OLDEST_EXTERNAL);
    }

    @Test
    void lowestRouterIdWinsAndOriginatorIdStandsInForIt() {
        Route fromLowPeer = route(I1, attrs(path(), "10.0.0.2"));
        Route reflected = route(I2, attrs(path(), "10.0.0.3", new OriginatorId(ip("10.0.0.0"))));
        Decision decision = select(selector, fromLowPeer, reflected);
        assertThat(decision.best()).isSameAs(reflected);
        assertThat(decision.step()).isEqualTo(DecisionStep.ROUTER_ID);
    }

    @Test
    void routerIdsCompareUnsigned() {
        PeerInfo high = new PeerInfo(5, RibFixtures.address("10.0.0.9"), LOCAL_AS, ip("200.0.0.1"), true, false,
                false, 0, Bytes.EMPTY);
        Route fromHigh = route(high, attrs(path(), "10.0.0.9"));
        Route fromLow = route(I2, attrs(path(), "10.0.0.3"));
        assertThat(select(selector, fromHigh, fromLow).best()).isSameAs(fromLow);
    }

    @Test
    void shortestClusterListWinsWhenOriginatorsTie() {
        int originator = ip("10.9.9.9");
        Route twoClusters = route(I1, attrs(path(), "10.0.0.2", new OriginatorId(originator),
                new ClusterList(List.of(1, 2))));
        Route oneCluster = route(I2, attrs(path(), "10.0.0.3", new OriginatorId(originator),
                new ClusterList(List.of(3))));
        Decision decision = select(selector, twoClusters, oneCluster);
        assertThat(decision.best()).isSameAs(oneCluster);
        assertThat(decision.step()).isEqualTo(DecisionStep.CLUSTER_LIST_LENGTH);
    }

    @Test
    void lowestPeerAddressWinsWhenEverythingElseTies() {
        PeerInfo sameIdA = new PeerInfo(6, RibFixtures.address("10.0.0.20"), LOCAL_AS, 7, true, false, false, 0,
                Bytes.EMPTY);
        PeerInfo sameIdB = new PeerInfo(7, RibFixtures.address("10.0.0.10"), LOCAL_AS, 7, true, false, false, 0,
                Bytes.EMPTY);
        Route a = route(sameIdA, attrs(path(), "10.0.0.20"));
        Route b = route(sameIdB, attrs(path(), "10.0.0.10"));
        Decision decision = select(selector, a, b);
        assertThat(decision.best()).isSameAs(b);
        assertThat(decision.step()).isEqualTo(DecisionStep.PEER_ADDRESS);
    }

    @Test
    void lowestPathIdBreaksTheTieBetweenAddPathsOfOnePeer() {
        Route id7 = new Route(NET, 7, attrs(path(), "10.0.0.2"), Bytes.EMPTY, I1, 0, false);
        Route id3 = new Route(NET, 3, attrs(path(), "10.0.0.4"), Bytes.EMPTY, I1, 0, false);
        Decision decision = select(selector, id7, id3);
        assertThat(decision.best()).isSameAs(id3);
        assertThat(decision.step()).isEqualTo(DecisionStep.PATH_ID);
    }

    @Test
    void aTieChainIsDecidedAtTheFirstStepThatLeavesOnePath() {
        // All share LOCAL_PREF 100; two share the shortest path; of those, one has ORIGIN IGP.
        Route longPath = route(E1, attrs(path(65001L, 9L), "192.0.2.1", new LocalPref(100)));
        Route incomplete = route(I1, attrs(path(65003L), "10.0.0.2", new LocalPref(100)).with(Origin.INCOMPLETE));
        Route winner = route(I2, attrs(path(65004L), "10.0.0.3", new LocalPref(100)));
        Decision decision = select(selector, longPath, incomplete, winner);
        assertThat(decision.best()).isSameAs(winner);
        assertThat(decision.step()).isEqualTo(DecisionStep.ORIGIN);
        assertThat(decision.candidates()).isEqualTo(3);
    }

    @Test
    void aLongTieChainReachesThePeerAddress() {
        PeerInfo a = new PeerInfo(8, RibFixtures.address("10.0.0.30"), LOCAL_AS, 1, true, false, false, 0, Bytes.EMPTY);
        PeerInfo b = new PeerInfo(9, RibFixtures.address("10.0.0.31"), LOCAL_AS, 1, true, false, false, 0, Bytes.EMPTY);
        PeerInfo c = new PeerInfo(10, RibFixtures.address("10.0.0.29"), LOCAL_AS, 2, true, false, false, 0, Bytes.EMPTY);
        AttributeSet same = attrs(path(65001L), "10.0.0.1", new LocalPref(100), new MultiExitDisc(3));
        Route ra = route(a, same);
        Route rb = route(b, same);
        Route rc = route(c, same);
        Decision decision = select(selector, rc, rb, ra);
        assertThat(decision.best()).isSameAs(ra);
        assertThat(decision.step()).isEqualTo(DecisionStep.PEER_ADDRESS);
    }
}
