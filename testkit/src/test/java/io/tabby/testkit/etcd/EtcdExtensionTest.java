package io.tabby.testkit.etcd;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/** What a class sees when no etcd can be had: a skip with the reason, or a failure when everything is required. */
class EtcdExtensionTest {

    @Test
    void perMethodClassIsSkippedWithTheReason() {
        Events events = run(PerMethodWithoutEtcd.class);

        events.assertThatEvents().haveExactly(1, skippedWithReason("no etcd in this sample"));
        events.assertStatistics(stats -> stats.started(1).failed(0).aborted(0));
    }

    @Test
    void perClassInstanceClassIsSkippedNotErrored() {
        Events events = run(PerClassWithoutEtcd.class);

        events.assertThatEvents().haveExactly(1, skippedWithReason("no etcd in this sample"));
        events.assertStatistics(stats -> stats.started(1).failed(0).aborted(0));
    }

    @Test
    void requiredEverythingTurnsTheSkipIntoAFailure() {
        run(RequiredWithoutEtcd.class).assertThatEvents()
                .haveExactly(1, finishedWithFailure(message(m -> m.contains("TABBY_REQUIRE_ALL=1"))));
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().allEvents();
    }

    private static Condition<Event> skippedWithReason(String reason) {
        return new Condition<>(event -> event.getType() == EventType.SKIPPED
                && event.getPayload(String.class).filter(text -> text.contains(reason)).isPresent(),
                "skipped because %s", reason);
    }

    private static EtcdExtension unavailable(Map<String, String> env) {
        return new EtcdExtension(options -> {
            throw TestEnvironment.of(env).unavailable("no etcd in this sample");
        });
    }

    static class PerMethodWithoutEtcd {
        @RegisterExtension
        static final EtcdExtension ETCD = unavailable(Map.of());

        PerMethodWithoutEtcd(EtcdServer etcd) {
        }

        @Test
        void neverRuns() {
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassWithoutEtcd {
        @RegisterExtension
        static final EtcdExtension ETCD = unavailable(Map.of());

        PerClassWithoutEtcd(EtcdServer etcd) {
        }

        @Test
        void neverRuns() {
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class RequiredWithoutEtcd {
        @RegisterExtension
        static final EtcdExtension ETCD = unavailable(Map.of("TABBY_REQUIRE_ALL", "1"));

        RequiredWithoutEtcd(EtcdServer etcd) {
        }

        @Test
        void neverRuns() {
        }
    }
}
