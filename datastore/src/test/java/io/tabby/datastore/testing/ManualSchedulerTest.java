package io.tabby.datastore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Instant start = clock.instant();
    private final List<String> fired = new ArrayList<>();

    private Runnable record(String name) {
        return () -> fired.add(name + "@" + Duration.between(start, clock.instant()).toMillis());
    }

    @Test
    void timersFireInDueOrderAtTheirDueTime() {
        scheduler.schedule(Duration.ofMillis(300), record("late"));
        scheduler.schedule(Duration.ofMillis(100), record("early"));
        scheduler.scheduleRepeating(Duration.ofMillis(150), record("tick"));

        scheduler.advance(Duration.ofMillis(320));

        assertThat(fired).containsExactly("early@100", "tick@150", "late@300", "tick@300");
        assertThat(clock.instant()).isEqualTo(start.plusMillis(320));
        assertThat(scheduler.pendingTimers()).isEqualTo(1);
    }

    @Test
    void cancelledTimersNeverFire() {
        scheduler.schedule(Duration.ofMillis(100), record("once")).cancel();
        var tick = scheduler.scheduleRepeating(Duration.ofMillis(100), record("tick"));

        scheduler.advance(Duration.ofMillis(250));
        tick.cancel();
        scheduler.advance(Duration.ofMillis(250));

        assertThat(fired).containsExactly("tick@100", "tick@200");
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void timerScheduledByATimerFiresInTheSameAdvanceWhenDue() {
        scheduler.schedule(Duration.ofMillis(100), () -> scheduler.schedule(Duration.ofMillis(50), record("chained")));

        scheduler.advance(Duration.ofMillis(200));

        assertThat(fired).containsExactly("chained@150");
    }
}
