package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Single-key reads and conditional writes against a real etcd. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendKvIT {

    private final EtcdServer etcd;
    private final Backend backend;

    EtcdBackendKvIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackend.connect(TestEtcdSettings.of(etcd));
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void createWritesANewKeyAtItsFirstVersion() {
        String key = uniquePrefix() + "pool";

        long revision = backend.create(key, "{\"cidr\":\"10.65.0.0/16\"}");

        assertThat(backend.get(key))
                .contains(new KeyValue(key, "{\"cidr\":\"10.65.0.0/16\"}", revision, revision, 1, 0));
        assertThat(backend.currentRevision()).isGreaterThanOrEqualTo(revision);
    }

    @Test
    void createRefusesAnExistingKey() {
        String key = uniquePrefix() + "taken";
        backend.create(key, "first");

        assertThatThrownBy(() -> backend.create(key, "second"))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.key()).isEqualTo(key));
        assertThat(backend.get(key)).map(KeyValue::value).contains("first");
    }

    @Test
    void getOfAMissingKeyIsEmpty() {
        assertThat(backend.get(uniquePrefix() + "nothing")).isEmpty();
    }

    @Test
    void updateAtTheReadRevisionReplacesTheValue() {
        String key = uniquePrefix() + "counter";
        long created = backend.create(key, "1");

        long updated = backend.update(key, "2", created);

        assertThat(updated).isGreaterThan(created);
        assertThat(backend.get(key)).contains(new KeyValue(key, "2", created, updated, 2, 0));
    }

    @Test
    void updateAtAStaleRevisionReportsTheActualOne() {
        String key = uniquePrefix() + "raced";
        long created = backend.create(key, "1");
        long winner = backend.update(key, "2", created);

        assertThatThrownBy(() -> backend.update(key, "3", created))
                .isInstanceOfSatisfying(RevisionConflictException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.expectedModRevision()).isEqualTo(created);
                    assertThat(e.actualModRevision()).isEqualTo(winner);
                });
        assertThat(backend.get(key)).map(KeyValue::value).contains("2");
    }

    @Test
    void updateOfAMissingKeyIsNotFoundAndCreatesNothing() {
        String key = uniquePrefix() + "ghost";

        assertThatThrownBy(() -> backend.update(key, "x", 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> backend.update(key, "x", 5)).isInstanceOf(NotFoundException.class);
        assertThat(backend.get(key)).isEmpty();
    }

    @Test
    void updateOrDeleteAtTheRevisionOfAKeySinceDeletedIsNotFoundAndCreatesNothing() {
        // the condition is mod_revision alone: a deleted key must compare as revision 0, not as its last one
        String key = uniquePrefix() + "gone";
        long created = backend.create(key, "1");
        backend.delete(key, created);

        assertThatThrownBy(() -> backend.update(key, "x", created)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> backend.delete(key, created)).isInstanceOf(NotFoundException.class);
        assertThat(backend.get(key)).isEmpty();
    }

    @Test
    void deleteAtTheReadRevisionRemovesTheKey() {
        String key = uniquePrefix() + "doomed";
        long created = backend.create(key, "x");

        long deleted = backend.delete(key, created);

        assertThat(deleted).isGreaterThan(created);
        assertThat(backend.get(key)).isEmpty();
    }

    @Test
    void deleteAtAStaleRevisionOrOfAMissingKeyFails() {
        String key = uniquePrefix() + "kept";
        long created = backend.create(key, "1");
        long current = backend.update(key, "2", created);

        assertThatThrownBy(() -> backend.delete(key, created))
                .isInstanceOfSatisfying(RevisionConflictException.class,
                        e -> assertThat(e.actualModRevision()).isEqualTo(current));
        assertThatThrownBy(() -> backend.delete(uniquePrefix() + "missing", 1)).isInstanceOf(NotFoundException.class);
        assertThat(backend.get(key)).isPresent();
    }

    @Test
    void putWritesWhateverIsThere() {
        String key = uniquePrefix() + "status";
        long first = backend.put(key, "up");
        long second = backend.put(key, "down");

        assertThat(second).isGreaterThan(first);
        assertThat(backend.get(key)).contains(new KeyValue(key, "down", first, second, 2, 0));
    }

    @Test
    void keysAndValuesAreUtf8() {
        String key = uniquePrefix() + "wëird/ключ";

        backend.put(key, "värde ✓");

        assertThat(backend.get(key)).map(KeyValue::value).contains("värde ✓");
        assertThat(backend.list(uniquePrefixOf(key)).kvs()).extracting(KeyValue::key).containsExactly(key);
    }

    @Test
    void listReturnsThePrefixSortedAtTheCurrentRevision() {
        String prefix = uniquePrefix();
        backend.put(prefix + "b", "2");
        backend.put(prefix + "a", "1");
        backend.put(prefix + "c/d", "3");
        backend.put(prefix.substring(0, prefix.length() - 1) + "-sibling", "not mine");
        long last = backend.currentRevision();

        ListResult result = backend.list(prefix);

        assertThat(result.kvs()).extracting(KeyValue::key).containsExactly(prefix + "a", prefix + "b", prefix + "c/d");
        assertThat(result.revision()).isEqualTo(last);
    }

    @Test
    void theEmptyPrefixListsEveryKey() {
        String key = uniquePrefix() + "anywhere";
        long written = backend.put(key, "x");

        ListResult everything = backend.list("");

        assertThat(everything.kvs()).extracting(KeyValue::key).contains(key).isSorted();
        assertThat(everything.revision()).isGreaterThanOrEqualTo(written);
    }

    @Test
    void listAtAPastRevisionShowsThePast() {
        String prefix = uniquePrefix();
        long before = backend.put(prefix + "a", "old");
        backend.put(prefix + "a", "new");
        backend.put(prefix + "b", "later");

        ListResult past = backend.list(prefix, before);

        assertThat(past.revision()).isEqualTo(before);
        assertThat(past.kvs()).extracting(KeyValue::key, KeyValue::value).containsExactly(
                tuple(prefix + "a", "old"));
    }

    @Test
    void listAtACompactedRevisionSaysHowFarHistoryGoes() {
        String prefix = uniquePrefix();
        long old = backend.put(prefix + "a", "old");
        long compactedTo = backend.put(prefix + "a", "new");
        etcd.compact(compactedTo);

        assertThatThrownBy(() -> backend.list(prefix, old))
                .isInstanceOfSatisfying(CompactedException.class, e -> {
                    assertThat(e.requestedRevision()).isEqualTo(old);
                    assertThat(e.compactRevision()).isEqualTo(compactedTo);
                });
        assertThat(backend.list(prefix, compactedTo).kvs()).extracting(KeyValue::value).containsExactly("new");
    }

    @Test
    void listAtAFutureRevisionIsTheCallersMistake() {
        long future = backend.currentRevision() + 1000;

        assertThatThrownBy(() -> backend.list(uniquePrefix(), future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("future revision");
    }

    @Test
    void currentRevisionIsTheLastWrite() {
        long written = backend.put(uniquePrefix() + "x", "1");

        assertThat(backend.currentRevision()).isEqualTo(written);
        assertThat(backend.currentRevision()).isEqualTo(written);
    }

    private static String uniquePrefix() {
        return "/calico/it/" + UUID.randomUUID() + "/";
    }

    private static String uniquePrefixOf(String key) {
        return key.substring(0, "/calico/it/".length() + 37);
    }
}
