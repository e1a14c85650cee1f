package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.ROUTER_ID;
import static io.tabby.bird.rib.RibFixtures.SEND;
import static io.tabby.bird.rib.RibFixtures.attrs;
import static io.tabby.bird.rib.RibFixtures.ibgp;
import static io.tabby.bird.rib.RibFixtures.path;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.message.Update;
import org.junit.jupiter.api.Test;

/** Several paths to one prefix from one peer, told apart by ADD-PATH path ids (RFC 7911). */
class AddPathReceiveTest {
    private static final Ipv4Prefix NET = prefix("10.1.0.0/26");
    private static final PeerInfo PEER = ibgp(1, "10.0.0.2", true);

    private static PrefixList withId(int pathId) {
        return PrefixList.builder(AfiSafi.IPV4_UNICAST, true).add(NET, pathId).build();
    }

    @Test
    void pathsWithDifferentIdsCoexistAndAreWithdrawnOneByOne() {
        Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());
        rib.addPeer(PEER, ExportFilter.ALL);
        rib.peerUp(PEER, SEND, BOTH);
        rib.receive(PEER.id(), Update.announce(attrs(path(), "10.0.0.7", new LocalPref(300)), withId(1)));
        rib.receive(PEER.id(), Update.announce(attrs(path(), "10.0.0.8", new LocalPref(200)), withId(2)));
        assertThat(rib.paths(NET)).hasSize(2);
        assertThat(rib.bestPath(NET).orElseThrow().best().pathId()).isEqualTo(1);
        assertThat(rib.bestPath(NET).orElseThrow().step()).isEqualTo(DecisionStep.LOCAL_PREF);

        rib.receive(PEER.id(), Update.withdraw(withId(1)));
        assertThat(rib.paths(NET)).hasSize(1);
        assertThat(rib.bestPath(NET).orElseThrow().best().pathId()).isEqualTo(2);
        rib.receive(PEER.id(), Update.withdraw(withId(2)));
        assertThat(rib.bestPath(NET)).isEmpty();
    }
}
