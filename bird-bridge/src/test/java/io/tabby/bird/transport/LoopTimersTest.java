package io.tabby.bird.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.tabby.bird.session.TimerKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopTimersTest {
    private final EventLoop loop = new DefaultEventLoop();
    private final List<TimerKind> fired = new CopyOnWriteArrayList<>();
    private final LoopTimers timers = new LoopTimers(loop, fired::add);

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aStoppedOrReplacedTimerNeverFiresAndAStartedOneFiresOnce() throws Exception {
        loop.submit(() -> {
            timers.start(TimerKind.HOLD, Duration.ofMillis(1));
            timers.stop(TimerKind.HOLD);
            timers.start(TimerKind.KEEPALIVE, Duration.ofMillis(1));
            timers.start(TimerKind.KEEPALIVE, Duration.ofMillis(2));
            timers.start(TimerKind.CONNECT_RETRY, Duration.ofMillis(1));
        }).sync();
        // Runs after every timer above was due; cancelled ones never run at all.
        loop.schedule(() -> { }, 30, TimeUnit.MILLISECONDS).sync();

        assertThat(fired).containsExactlyInAnyOrder(TimerKind.KEEPALIVE, TimerKind.CONNECT_RETRY);
        assertThat(loop.submit(() -> timers.isRunning(TimerKind.KEEPALIVE)).get()).isFalse();
    }

    @Test
    void stopAllCancelsEverything() throws Exception {
        loop.submit(() -> {
            timers.start(TimerKind.HOLD, Duration.ofMillis(1));
            timers.start(TimerKind.STABLE, Duration.ofMillis(1));
            timers.stopAll();
        }).sync();
        loop.schedule(() -> { }, 20, TimeUnit.MILLISECONDS).sync();

        assertThat(fired).isEmpty();
    }
}
