package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** What a class sees when no etcd can be had: a skip with the reason, or a failure when everything is required. */
class EtcdExtensionTest {

    @Test
    void perMethodClassIsSkippedWithTheReason() {
        Events classes = run(PerMethodWithoutEtcd.class);

        classes.assertStatistics(stats -> stats.aborted(1).failed(0));
        classes.assertThatEvents().haveExactly(1, abortedWithReason("no etcd in this sample"));
    }

    @Test
    void perClassInstanceClassIsSkippedNotErrored() {
        run(PerClassWithoutEtcd.class).assertStatistics(stats -> stats.aborted(1).failed(0));
    }

    @Test
    void requiredEverythingTurnsTheSkipIntoAFailure() {
        run(RequiredWithoutEtcd.class).assertThatEvents()
                .haveExactly(1, finishedWithFailure(message(m -> m.contains("TABBY_REQUIRE_ALL=1"))));
    }

    /** The engine's and the sample class's container events (its tests never start). */
    private static Events run(Class<?> sample) {
        Events everything = EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().allEvents();
        assertThat(everything.started().count()).as("only the engine and the class start").isEqualTo(2);
        return everything;
    }

    private static Condition<Event> abortedWithReason(String reason) {
        return finishedWithCause(TestExecutionResult.Status.ABORTED, reason);
    }

    private static Condition<Event> finishedWithCause(TestExecutionResult.Status status,
            String reason) {
        return new Condition<>(event -> event.getPayload(TestExecutionResult.class)
                .filter(result -> result.getStatus() == status)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .filter(message -> message.contains(reason))
                .isPresent(), "finished %s with %s", status, reason);
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
