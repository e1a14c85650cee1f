package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Ipv4Prefix;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ArrivalTrackerTest {
    private final AtomicLong now = new AtomicLong(100);
    private final ArrivalTracker tracker = new ArrivalTracker(now::get);
    private final Ipv4Prefix block = Ipv4Prefix.parse("10.200.0.64/26");

    @Test
    void completesAtTheLastNodesArrivalCountingEachNodeOnce() {
        ArrivalTracker.Node a = tracker.node();
        ArrivalTracker.Node b = tracker.node();
        CompletableFuture<Long> done = tracker.whenEverywhere(block, 2);
        tracker.listener().bestChanged(block, null);
        now.set(200);
        a.reached(block);
        now.set(250);
        a.reached(block);
        assertThat(done).isNotDone();
        assertThat(tracker.arrivals(block)).isEqualTo(1);
        now.set(300);
        b.reached(block);
        assertThat(done).isCompletedWithValue(300L);
    }

    @Test
    void aPrefixAlreadyEverywhereCompletesAtOnce() {
        tracker.node().reached(block);
        assertThat(tracker.whenEverywhere(block, 1)).isCompletedWithValue(100L);
        assertThat(tracker.whenEverywhere(Ipv4Prefix.parse("10.200.1.0/26"), 1)).isNotDone();
    }
}
