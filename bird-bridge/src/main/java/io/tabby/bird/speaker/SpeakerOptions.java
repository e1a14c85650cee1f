package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.tabby.bird.rib.BestPathListener;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * How a {@link BgpSpeaker} runs, beyond what bird.cfg says.
 *
 * @param ioThreadFactory makes the event loop threads; every socket is created on one of them
 *     (tests pass a factory whose threads enter a network namespace)
 * @param ioThreads number of event loops; peers are spread over them
 * @param listen overrides {@code listen bgp} (tests use free ports); empty keeps the config's
 * @param listenEnabled false for a speaker that only connects out (nothing binds port 179)
 * @param clock for status timestamps
 * @param policies turns import/export clauses into filters
 * @param bestPathListener told on the RIB thread when a prefix's best path changes (kernel export)
 * @param restartedLocally BIRD's {@code -R}: our OPENs carry the Restart State bit (RFC 4724 §4.1)
 */
public record SpeakerOptions(ThreadFactory ioThreadFactory, int ioThreads, Optional<InetSocketAddress> listen,
        boolean listenEnabled, Clock clock, PolicyHook policies, BestPathListener bestPathListener,
        boolean restartedLocally) {

    public SpeakerOptions {
        requireNonNull(ioThreadFactory, "ioThreadFactory is null");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads " + ioThreads + " must be at least 1");
        }
        requireNonNull(listen, "listen is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(policies, "policies is null");
        requireNonNull(bestPathListener, "bestPathListener is null");
    }

    /** Two daemon event loop threads, the config's listen address, the system clock, default policies. */
    public static SpeakerOptions defaults() {
        // Netty's factory makes FastThreadLocalThreads, whose thread locals the pooled allocator uses.
        return new SpeakerOptions(new DefaultThreadFactory("bgp-io", true), 2, Optional.empty(),
                true, Clock.systemUTC(), PolicyHook.DEFAULT, BestPathListener.NONE, false);
    }

    public SpeakerOptions withIoThreadFactory(ThreadFactory value) {
        return new SpeakerOptions(value, ioThreads, listen, listenEnabled, clock, policies, bestPathListener,
                restartedLocally);
    }

    public SpeakerOptions withListen(InetSocketAddress value) {
        return new SpeakerOptions(ioThreadFactory, ioThreads, Optional.of(value), true, clock, policies,
                bestPathListener, restartedLocally);
    }

    public SpeakerOptions withoutListen() {
        return new SpeakerOptions(ioThreadFactory, ioThreads, Optional.empty(), false, clock, policies,
                bestPathListener, restartedLocally);
    }

    public SpeakerOptions withPolicies(PolicyHook value) {
        return new SpeakerOptions(ioThreadFactory, ioThreads, listen, listenEnabled, clock, value, bestPathListener,
                restartedLocally);
    }

    public SpeakerOptions withBestPathListener(BestPathListener value) {
        return new SpeakerOptions(ioThreadFactory, ioThreads, listen, listenEnabled, clock, policies, value,
                restartedLocally);
    }

    public SpeakerOptions withRestartedLocally(boolean value) {
        return new SpeakerOptions(ioThreadFactory, ioThreads, listen, listenEnabled, clock, policies,
                bestPathListener, value);
    }
}
