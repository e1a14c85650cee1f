package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.attrs;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.path;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static io.tabby.bird.rib.RibFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.attr.AttributeSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixPathsTest {
    private static final Ipv4Prefix NET = prefix("10.1.0.0/26");
    private static final Advert A = new Advert(attrs(path(1L), "192.0.2.1"), Bytes.EMPTY);
    private static final Advert B = new Advert(attrs(path(2L), "192.0.2.2"), Bytes.EMPTY);

    @Test
    void pathsGrowFromOneToManyAndShrinkBack() {
        PrefixPaths entry = new PrefixPaths(NET);
        List<Route> routes = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            Route route = route(NET, ebgp(id, "192.0.2." + id, 65000 + id), attrs(path(65000L + id), "192.0.2.9"));
            assertThat(entry.put(route)).isNull();
            routes.add(route);
        }
        assertThat(entry.size()).isEqualTo(5);
        assertThat(entry.find(3, 0)).isSameAs(routes.get(2));
        Route replacement = route(NET, routes.get(2).source(), AttributeSet.EMPTY);
        assertThat(entry.put(replacement)).isSameAs(routes.get(2));
        assertThat(entry.size()).isEqualTo(5);
        for (int id = 1; id <= 4; id++) {
            assertThat(entry.remove(id, 0)).isTrue();
        }
        assertThat(entry.remove(1, 0)).as("already gone").isFalse();
        assertThat(entry.size()).isEqualTo(1);
        assertThat(entry.path(0)).isSameAs(routes.get(4));
        assertThat(entry.remove(5, 0)).isTrue();
        assertThat(entry.size()).isZero();
        assertThat(entry.unused()).isTrue();
    }

    @Test
    void theDecisionIsExplainedAgainWhenAsked() {
        BestPathSelector selector = new BestPathSelector(RibConfig.of(RibFixtures.LOCAL_AS, RibFixtures.ROUTER_ID));
        PrefixPaths entry = new PrefixPaths(NET);
        assertThat(entry.decision(selector)).isNull();
        Route longer = route(NET, ebgp(1, "192.0.2.1", 65001), attrs(path(65001L, 9L), "192.0.2.1"));
        Route shorter = route(NET, ebgp(2, "192.0.2.2", 65002), attrs(path(65002L), "192.0.2.2"));
        entry.put(longer);
        assertThat(entry.decide(selector)).isTrue();
        assertThat(entry.decision(selector)).isEqualTo(new Decision(longer, DecisionStep.ONLY_PATH, 1));
        entry.put(shorter);
        assertThat(entry.decide(selector)).isTrue();
        assertThat(entry.decide(selector)).as("nothing changed since").isFalse();
        assertThat(entry.decision(selector)).isEqualTo(new Decision(shorter, DecisionStep.AS_PATH_LENGTH, 2));
        entry.remove(2, 0);
        assertThat(entry.decide(selector)).isTrue();
        assertThat(entry.best()).isSameAs(longer);
    }

    @Test
    void oneSlotHeldDirectlyThenAnArrayBySlot() {
        PrefixPaths entry = new PrefixPaths(NET);
        assertThat(entry.sent(3)).isNull();
        assertThat(entry.sent(3, null)).as("clearing nothing").isNull();
        assertThat(entry.advertised()).isFalse();

        assertThat(entry.sent(3, A)).isNull();
        assertThat(entry.sent(3)).isSameAs(A);
        assertThat(entry.sent(0)).isNull();
        assertThat(entry.sent(0, null)).as("another slot held nothing").isNull();
        assertThat(entry.sent(3)).as("untouched by clearing another slot").isSameAs(A);

        assertThat(entry.sent(0, B)).isNull();
        assertThat(entry.sent(0)).isSameAs(B);
        assertThat(entry.sent(3)).isSameAs(A);
        assertThat(entry.sent(7)).isNull();
        assertThat(entry.sent(7, B)).isNull();
        List<Advert> held = new ArrayList<>();
        entry.collectSent(held);
        assertThat(held).containsExactlyInAnyOrder(A, B, B);

        assertThat(entry.sent(3, null)).isSameAs(A);
        assertThat(entry.sent(0, null)).isSameAs(B);
        assertThat(entry.advertised()).isTrue();
        assertThat(entry.sent(7, null)).isSameAs(B);
        assertThat(entry.advertised()).isFalse();
        assertThat(entry.unused()).isTrue();
    }

    @Test
    void aReplacedAdvertInTheSameSlotStaysDirect() {
        PrefixPaths entry = new PrefixPaths(NET);
        entry.sent(2, A);
        assertThat(entry.sent(2, B)).isSameAs(A);
        assertThat(entry.sent(2)).isSameAs(B);
        assertThat(entry.sent(2, null)).isSameAs(B);
        assertThat(entry.sent(5, A)).isNull();
        assertThat(entry.sent(5)).isSameAs(A);
        assertThat(entry.sent(2)).isNull();
    }
}
