package io.tabby.confd.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.datastore.testing.ManualClock;
import io.tabby.datastore.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneTimeAndIntervalTest {
    @TempDir
    Path dir;
    private ProcessorFixture fixture;
    private ResourceSet resources;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ProcessorFixture(dir);
        resources = new ResourceSet(List.of(fixture.resource(), fixture.resource("other.toml", "/other")));
    }

    @Test
    void oneTimeProcessesEveryResourceOnceWhenInSync() throws Exception {
        var oneTime = new OneTimeProcessor(resources, fixture.processor(ProcessSettings.DEFAULTS), Runnable::run);
        StoreFeed feed = oneTime.feed();
        feed.onStatus(SyncStatus.RESYNC);
        feed.onUpdates(List.of(new Update("/app/port", "80", 2)));
        assertThatThrownBy(() -> oneTime.await(Duration.ofMillis(1))).isInstanceOf(TimeoutException.class);

        feed.onStatus(SyncStatus.IN_SYNC);

        Map<String, Outcome> outcomes = oneTime.await(Duration.ofSeconds(1));
        assertThat(outcomes).containsExactly(Map.entry("app.toml", Outcome.UPDATED),
                Map.entry("other.toml", Outcome.UPDATED));
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        feed.onUpdates(List.of(new Update("/app/port", "81", 3)));
        feed.onStatus(SyncStatus.IN_SYNC);
        assertThat(fixture.counters.of("app.toml").renders()).isEqualTo(1);
    }

    @Test
    void intervalModeProcessesEverythingEachPeriodAndNotOnChanges() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(new ManualClock());
        var interval = new IntervalProcessor(resources, fixture.processor(ProcessSettings.DEFAULTS),
                Duration.ofSeconds(5), scheduler, Runnable::run);
        StoreFeed feed = interval.feed();
        feed.onStatus(SyncStatus.RESYNC);
        feed.onUpdates(List.of(new Update("/app/port", "80", 2)));
        feed.onStatus(SyncStatus.IN_SYNC);
        assertThat(fixture.counters.of("app.toml").renders()).isEqualTo(1);

        feed.onUpdates(List.of(new Update("/app/port", "81", 3)));
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(fixture.destContent()).isEqualTo("port = 81\n");

        feed.onStatus(SyncStatus.WAIT_FOR_DATASTORE);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(fixture.counters.of("app.toml").renders()).isEqualTo(2);
        interval.stop();
        assertThat(scheduler.pendingTimers()).isZero();
    }
}
