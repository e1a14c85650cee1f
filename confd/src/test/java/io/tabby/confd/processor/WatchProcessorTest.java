package io.tabby.confd.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.datastore.testing.ManualClock;
import io.tabby.datastore.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch mode on a manual clock: the syncer's callbacks are called directly and the owner
 * "thread" is the test's, so every step is deterministic.
 */
class WatchProcessorTest {
    @TempDir
    Path dir;
    private ProcessorFixture fixture;
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private StoreFeed feed;
    private long revision = 1;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ProcessorFixture(dir);
        var resources = new ResourceSet(List.of(fixture.resource(), fixture.resource("other.toml", "/other")));
        var watch = new WatchProcessor(resources, fixture.processor(ProcessSettings.DEFAULTS),
                DebounceSettings.DEFAULTS, clock, scheduler, Runnable::run);
        feed = watch.feed();
    }

    private void put(String key, String value) {
        feed.onUpdates(List.of(new Update(key, value, ++revision)));
    }

    private ResourceCounters app() {
        return fixture.counters.of("app.toml");
    }

    private ResourceCounters other() {
        return fixture.counters.of("other.toml");
    }

    private void startInSync() {
        feed.onStatus(SyncStatus.WAIT_FOR_DATASTORE);
        feed.onStatus(SyncStatus.RESYNC);
        put("/app/port", "80");
        put("/other/x", "1");
        feed.onStatus(SyncStatus.IN_SYNC);
        scheduler.advance(Duration.ofSeconds(10));
    }

    @Test
    void nothingRendersBeforeInSyncThenEverythingOnce() throws Exception {
        feed.onStatus(SyncStatus.WAIT_FOR_DATASTORE);
        feed.onStatus(SyncStatus.RESYNC);
        put("/app/port", "80");
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(app().renders()).isZero();
        assertThat(Files.exists(fixture.dest)).isFalse();

        feed.onStatus(SyncStatus.IN_SYNC);

        assertThat(app().renders()).isEqualTo(1);
        assertThat(other().renders()).isEqualTo(1);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");
    }

    @Test
    void aLoneChangeRendersAtOnceAndOnlyTheResourcesItTouches() throws Exception {
        startInSync();

        put("/app/port", "8080");

        assertThat(app().renders()).isEqualTo(2);
        assertThat(fixture.destContent()).isEqualTo("port = 8080\n");
        assertThat(other().renders()).isEqualTo(1);
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void aStormOfAThousandChangesInASecondRendersAtMostTwiceAndEndsOnTheFinalState() throws Exception {
        startInSync();
        long before = app().renders();
        long reloadsBefore = app().reloads();

        for (int i = 1; i <= 1000; i++) {
            put("/app/k" + (i % 10), "v" + i);
            scheduler.advance(Duration.ofMillis(1));
        }
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(app().renders() - before).isBetween(1L, 2L);
        assertThat(app().reloads() - reloadsBefore).isLessThanOrEqualTo(2);
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            expected.append("k").append(k).append(" = v").append(990 + (k == 0 ? 10 : k)).append('\n');
        }
        expected.append("port = 80\n");
        assertThat(fixture.destContent()).isEqualTo(expected.toString());
        assertThat(other().renders()).isEqualTo(1);
    }

    @Test
    void anEndlessStormStillRendersAtLeastEveryMaxDelay() throws Exception {
        startInSync();
        long before = app().renders();

        for (int i = 1; i <= 12_000; i++) { // 12 s of changes, 1 ms apart
            put("/app/port", "p" + i);
            scheduler.advance(Duration.ofMillis(1));
        }

        long renders = app().renders() - before;
        assertThat(renders).isBetween(3L, 4L); // leading edge, then one per 5 s
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(fixture.destContent()).isEqualTo("port = p12000\n");
    }

    @Test
    void changesWhileOutOfSyncRenderWhenBackInSync() throws Exception {
        startInSync();
        feed.onStatus(SyncStatus.WAIT_FOR_DATASTORE);
        feed.onStatus(SyncStatus.RESYNC);
        put("/app/port", "9090");
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(app().renders()).isEqualTo(1);

        feed.onStatus(SyncStatus.IN_SYNC);

        assertThat(app().renders()).isEqualTo(2);
        assertThat(fixture.destContent()).isEqualTo("port = 9090\n");
        assertThat(other().renders()).isEqualTo(1);
    }

    @Test
    void aChangeThatLeavesTheOutputIdenticalReloadsNothing() throws Exception {
        startInSync();

        put("/app/port", "80");

        assertThat(app().renders()).isEqualTo(2);
        assertThat(app().reloads()).isEqualTo(1);
        assertThat(fixture.count("check")).isEqualTo(2); // one per resource, at start
    }

    @Test
    void deletesRenderToo() throws Exception {
        startInSync();

        put("/app/port", null);

        assertThat(fixture.destContent()).isEmpty();
    }

    @Test
    void aFailedCheckIsRetriedWithBackoffAndKeepsTheLastGoodFileMeanwhile() throws Exception {
        startInSync();
        fixture.failWhen(command -> command.startsWith("check"));

        put("/app/port", "bad");
        assertThat(app().checkFailures()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(250));
        assertThat(app().checkFailures()).isEqualTo(2);
        assertThat(fixture.destContent()).isEqualTo("port = 80\n");

        fixture.failWhen(command -> false);
        scheduler.advance(Duration.ofMillis(500));

        assertThat(fixture.destContent()).isEqualTo("port = bad\n");
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(app().checkFailures()).isEqualTo(2);
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void aResourceFailingAtTheFirstInSyncIsRetriedWithBackoffNotAtOnce() throws Exception {
        fixture.failWhen(command -> command.startsWith("reload"));
        put("/app/port", "80");

        feed.onStatus(SyncStatus.IN_SYNC);
        assertThat(app().reloadFailures()).as("first pass").isEqualTo(1);
        assertThat(other().reloadFailures()).as("first pass").isEqualTo(1);
        assertThat(scheduler.pendingTimers()).as("one retry per resource").isEqualTo(2);

        fixture.failWhen(command -> false);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(app().reloads()).isEqualTo(1);
        assertThat(app().reloadFailures()).isEqualTo(1);
        assertThat(other().reloads()).isEqualTo(1);
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void aChangeRightAfterARenderThatChangedNothingIsNotHeldBack() throws Exception {
        startInSync();
        long before = app().renders();

        put("/app/port", "80"); // written again, same value: rendered, nothing to reload
        assertThat(app().renders()).isEqualTo(before + 1);
        scheduler.advance(Duration.ofMillis(100));
        put("/app/port", "81");

        assertThat(app().renders()).as("rendered at once, not after the 300 ms quiet period").isEqualTo(before + 2);
        assertThat(fixture.destContent()).isEqualTo("port = 81\n");
        scheduler.advance(Duration.ofMillis(100));
        put("/app/port", "82");
        assertThat(app().renders()).as("after a render that changed the file the quiet period holds")
                .isEqualTo(before + 2);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(fixture.destContent()).isEqualTo("port = 82\n");
    }
}
