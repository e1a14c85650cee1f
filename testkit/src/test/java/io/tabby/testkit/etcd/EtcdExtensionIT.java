package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs small test classes through JUnit itself to see the extension's whole life cycle. */
class EtcdExtensionIT {

    /**
     * What the sample class saw. EngineTestKit runs the sample in this JVM and offers no other
     * channel back, hence the static holder (test code only).
     */
    private static final AtomicReference<EtcdServer> SEEN_BY_SAMPLE = new AtomicReference<>();
    private static final AtomicReference<EtcdServer> SEEN_BY_NESTED = new AtomicReference<>();

    @Test
    void startsOneEtcdPerClassInjectsItEverywhereAndKillsItAfterwards() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        EtcdServer server = SEEN_BY_SAMPLE.get();
        assertThat(server).isSameAs(SEEN_BY_NESTED.get());
        if (server instanceof EtcdProcess process) {
            assertThat(process.pid()).isEmpty();
            assertThat(process.directory()).doesNotExist();
        }
    }

    /** A class as a user writes it: constructor, @BeforeAll and method injection, one nested class. */
    @RealEtcd
    static class Sample {

        private final EtcdServer fromConstructor;

        Sample(EtcdServer fromConstructor) {
            this.fromConstructor = fromConstructor;
        }

        @BeforeAll
        static void beforeAll(EtcdServer etcd) {
            SEEN_BY_SAMPLE.set(etcd);
        }

        @Test
        void sameServerEverywhere(EtcdServer fromMethod) {
            assertThat(fromMethod).isSameAs(fromConstructor).isSameAs(SEEN_BY_SAMPLE.get());
            fromMethod.etcdctl("put", "/sample/a", "b");
        }

        @Nested
        class Inner {
            @Test
            void nestedClassSharesTheOuterEtcd(EtcdServer etcd) {
                SEEN_BY_NESTED.set(etcd);
                assertThat(etcd.etcdctl("get", "/sample/a", "--print-value-only").strip()).isEqualTo("b");
                assertThat(Optional.of(etcd)).contains(fromConstructor);
            }
        }
    }
}
