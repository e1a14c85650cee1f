package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Multi-op transactions and racing compare-and-swap writers against a real etcd. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendCommitIT {

    private final Backend backend;
    private final String prefix = "/calico/it/" + UUID.randomUUID() + "/";

    EtcdBackendCommitIT(EtcdServer etcd) {
        this.backend = EtcdBackend.connect(TestEtcdSettings.of(etcd));
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void allOpsLandAtOneRevision() {
        String dir = prefix + "all/";
        long existing = backend.create(dir + "update-me", "old");
        backend.put(dir + "delete-me", "x");
        long deleteRevision = backend.get(dir + "delete-me").orElseThrow().modRevision();
        backend.put(dir + "sub/1", "a");
        backend.put(dir + "sub/2", "b");

        long revision = backend.commit(List.of(
                TxnOp.create(dir + "new", "n"),
                TxnOp.update(dir + "update-me", "new", existing),
                TxnOp.put(dir + "put", "p"),
                TxnOp.delete(dir + "delete-me", deleteRevision),
                TxnOp.remove(dir + "never-existed"),
                TxnOp.deletePrefix(dir + "sub/")));

        assertThat(backend.list(dir).kvs())
                .extracting(KeyValue::key, KeyValue::value, KeyValue::modRevision)
                .containsExactly(
                        tuple(dir + "new", "n", revision),
                        tuple(dir + "put", "p", revision),
                        tuple(dir + "update-me", "new", revision));
    }

    @Test
    void aFailingConditionWritesNothing() {
        String dir = prefix + "atomic/";
        long stale = backend.create(dir + "a", "1");
        backend.update(dir + "a", "2", stale);
        backend.put(dir + "doomed", "x");
        long before = backend.currentRevision();

        assertThatThrownBy(() -> backend.commit(List.of(
                TxnOp.create(dir + "new", "n"),
                TxnOp.put(dir + "put", "p"),
                TxnOp.deletePrefix(dir + "doomed"),
                TxnOp.update(dir + "a", "3", stale))))
                .isInstanceOf(RevisionConflictException.class);

        assertThat(backend.currentRevision()).isEqualTo(before);
        assertThat(backend.list(dir).kvs()).extracting(KeyValue::key, KeyValue::value).containsExactly(
                tuple(dir + "a", "2"),
                tuple(dir + "doomed", "x"));
    }

    @Test
    void theFirstFailingOpInListOrderIsReported() {
        String dir = prefix + "order/";
        long stale = backend.create(dir + "changed", "1");
        long actual = backend.update(dir + "changed", "2", stale);
        backend.create(dir + "exists", "x");
        TxnOp conflict = TxnOp.update(dir + "changed", "3", stale);
        TxnOp duplicate = TxnOp.create(dir + "exists", "y");
        TxnOp missing = TxnOp.delete(dir + "missing", 7);

        assertThatThrownBy(() -> backend.commit(List.of(TxnOp.put(dir + "p", "p"), conflict, duplicate, missing)))
                .isInstanceOfSatisfying(RevisionConflictException.class, e -> {
                    assertThat(e.key()).isEqualTo(dir + "changed");
                    assertThat(e.actualModRevision()).isEqualTo(actual);
                });
        assertThatThrownBy(() -> backend.commit(List.of(duplicate, missing, conflict)))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.key()).isEqualTo(dir + "exists"));
        assertThatThrownBy(() -> backend.commit(List.of(missing, conflict, duplicate)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.key()).isEqualTo(dir + "missing"));
    }

    @Test
    void anEmptyCommitWritesNothingAndReturnsTheCurrentRevision() {
        long current = backend.put(prefix + "empty-marker", "x");

        assertThat(backend.commit(List.of())).isEqualTo(current);
        assertThat(backend.currentRevision()).isEqualTo(current);
    }

    @Test
    void writingOneKeyTwiceInOneCommitIsRefusedByEtcd() {
        String key = prefix + "twice";

        assertThatThrownBy(() -> backend.commit(List.of(TxnOp.put(key, "1"), TxnOp.put(key, "2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate key");
        assertThat(backend.get(key)).isEmpty();
    }

    @Test
    void racingIncrementsLoseNoUpdate() throws Exception {
        String counter = prefix + "counter";
        backend.create(counter, "0");
        int writers = 6;
        int incrementsEach = 30;
        List<Future<Integer>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                results.add(pool.submit(() -> incrementRepeatedly(counter, incrementsEach)));
            }
            for (Future<Integer> writer : results) {
                writer.get(); // rethrows a writer's failure
            }
        }

        // every successful update bumped the version once: a lost update would show as fewer
        KeyValue last = backend.get(counter).orElseThrow();
        assertThat(Integer.parseInt(last.value())).isEqualTo(writers * incrementsEach);
        assertThat(last.version()).isEqualTo(1 + writers * incrementsEach);
    }

    /** Read, add one, write back on the read revision; on a conflict re-read. Returns the conflicts seen. */
    private int incrementRepeatedly(String counter, int times) {
        int conflicts = 0;
        for (int done = 0; done < times; ) {
            if (conflicts > 10_000) {
                throw new IllegalStateException("no progress on " + counter);
            }
            KeyValue current = backend.get(counter).orElseThrow();
            try {
                backend.update(counter, Integer.toString(Integer.parseInt(current.value()) + 1), current.modRevision());
                done++;
            } catch (RevisionConflictException lost) {
                conflicts++;
            }
        }
        return conflicts;
    }
}
