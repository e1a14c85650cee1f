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
import io.tabby.bird.wire.attr.AttributeInterner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestPathListenerTest {
    private static final Ipv4Prefix NET = prefix("10.1.0.0/26");
    private static final PeerInfo A = ebgp(1, "192.0.2.1", 65001);
    private static final PeerInfo B = ebgp(2, "192.0.2.2", 65002);

    private record Change(Ipv4Prefix prefix, Integer peerId) {
    }

    @Test
    void theListenerSeesEachChangeOfBestPathAndNothingElse() {
        List<Change> changes = new ArrayList<>();
        Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner(),
                (prefix, best) -> changes.add(new Change((Ipv4Prefix) prefix, best == null ? null : best.source().id())));
        for (PeerInfo peer : List.of(A, B)) {
            rib.addPeer(peer, ExportFilter.ALL);
            rib.peerUp(peer, SEND, BOTH);
        }
        rib.receive(A.id(), announce(attrs(path(65001L, 5L), "192.0.2.1"), NET));
        rib.receive(B.id(), announce(attrs(path(65002L, 5L, 6L), "192.0.2.2"), NET));
        rib.receive(B.id(), announce(attrs(path(65002L), "192.0.2.2"), NET));
        rib.receive(B.id(), withdraw(NET));
        rib.receive(A.id(), withdraw(NET));
        assertThat(changes).containsExactly(new Change(NET, 1), new Change(NET, 2), new Change(NET, 1),
                new Change(NET, null));
    }
}
