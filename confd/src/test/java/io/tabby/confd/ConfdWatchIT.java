package io.tabby.confd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.confd.functions.HostContext;
import io.tabby.confd.processor.DebounceSettings;
import io.tabby.confd.processor.ResourceCounters;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch mode against a real etcd, with real check and reload commands. */
@RealEtcd
class ConfdWatchIT {
    private final EtcdServer etcd;
    private final String prefix = "/confd-it/" + UUID.randomUUID();
    @TempDir
    Path root;
    private ConfdDir dir;
    private Backend backend;
    private ConfdService confd;

    ConfdWatchIT(EtcdServer etcd) {
        this.etcd = etcd;
    }

    @BeforeEach
    void setUp() throws Exception {
        dir = new ConfdDir(root, prefix);
        backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
    }

    @AfterEach
    void tearDown() {
        if (confd != null) {
            confd.close();
        }
        backend.close();
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }

    /**
     * Starts watch mode. On a shared two-core machine one fsync inside a burst of puts can stall
     * etcd for longer than the default quiet period, and a burst of 1,000 puts has taken from one to
     * ten seconds; so this test, which is about a burst coalescing into at most two renders on a
     * real etcd, gives it a quiet period and a max delay no stall reaches. The default pacing on a
     * one-second storm is the unit test's (WatchProcessorTest).
     */
    private void startWatching() {
        var settings = ConfdSettings.of(dir.confdir, RunMode.WATCH).withDebounce(new DebounceSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(5)));
        confd = new ConfdService(settings, backend, HostContext.system(), new ProcessCommandRunner());
        confd.start();
    }

    private ResourceCounters counters() {
        return confd.counters().of("app.toml");
    }

    @Test
    void reRendersAfterAPutAndAfterADelete() throws Exception {
        backend.put(prefix + "/app/port", "80", 0);
        startWatching();
        waiting().untilAsserted(() -> assertThat(dir.content()).isEqualTo("port = 80\n"));
        waiting().untilAsserted(() -> assertThat(dir.reloadCount()).isEqualTo(1));

        backend.put(prefix + "/app/host", "example.org", 0);
        waiting().untilAsserted(() -> assertThat(dir.content()).isEqualTo("host = example.org\nport = 80\n"));

        backend.delete(prefix + "/app/port", backend.get(prefix + "/app/port").orElseThrow().modRevision());
        waiting().untilAsserted(() -> assertThat(dir.content()).isEqualTo("host = example.org\n"));
        waiting().untilAsserted(() -> assertThat(dir.reloadCount()).isEqualTo(3));
        assertThat(dir.stageFilesLeft()).isZero();
    }

    @Test
    void aFailingCheckKeepsTheOldFileAndTheOldReloadCount() throws Exception {
        backend.put(prefix + "/app/port", "80", 0);
        startWatching();
        waiting().untilAsserted(() -> assertThat(dir.reloadCount()).isEqualTo(1));

        backend.put(prefix + "/app/port", "BAD", 0);
        waiting().untilAsserted(() -> assertThat(counters().checkFailures()).isPositive());

        assertThat(dir.content()).isEqualTo("port = 80\n");
        assertThat(dir.reloadCount()).isEqualTo(1);
        backend.put(prefix + "/app/port", "81", 0);
        waiting().untilAsserted(() -> assertThat(dir.content()).isEqualTo("port = 81\n"));
        assertThat(dir.stageFilesLeft()).isZero();
    }

    @Test
    void aStormOfAThousandPutsRendersAtMostTwiceAndEndsOnTheFinalState() throws Exception {
        backend.put(prefix + "/app/k0", "start", 0);
        startWatching();
        waiting().untilAsserted(() -> assertThat(dir.reloadCount()).isEqualTo(1));
        long rendersBefore = counters().renders();

        int writers = 8;
        int perWriter = 125;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Object>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Callable<Object> task = () -> {
                    for (int i = 1; i <= perWriter; i++) {
                        backend.put(prefix + "/app/k" + writer, "v" + i, 0);
                    }
                    return null;
                };
                done.add(pool.submit(task));
            }
            for (Future<Object> future : done) {
                future.get();
            }
        }

        StringBuilder expected = new StringBuilder();
        for (int w = 0; w < writers; w++) {
            expected.append("k").append(w).append(" = v").append(perWriter).append('\n');
        }
        waiting().untilAsserted(() -> assertThat(dir.content()).isEqualTo(expected.toString()));
        long renders = counters().renders() - rendersBefore;
        assertThat(renders).isBetween(1L, 2L);
        assertThat(dir.reloadCount()).isBetween(2L, 3L);
    }
}
