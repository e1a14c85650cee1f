package io.tabby.confd.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.confd.store.KeyValueStore;
import io.tabby.datastore.syncer.Update;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One pass over every resource, as -onetime and -interval run it. */
class ResourceSetTest {
    @TempDir
    Path dir;
    private ProcessorFixture fixture;
    private final KeyValueStore store = new KeyValueStore();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ProcessorFixture(dir);
        store.applyAll(List.of(new Update("/app/port", "80", 2)));
    }

    @Test
    void aCheckThatNeedsAFileWrittenLaterInThePassIsTriedOnceMore() throws Exception {
        // a.conf "includes" b.conf: its check fails while b.conf is not there, like bird.cfg and its fragments
        Path included = fixture.dest.resolveSibling("b.conf");
        fixture.failWhen(line -> line.startsWith("check") && line.contains("/.a.conf") && !Files.exists(included));
        ResourceSet resources = new ResourceSet(List.of(fixture.resource("a.toml", "/app"),
                fixture.resource("b.toml", "/app")));

        Map<String, Outcome> outcomes = resources.processAll(store, fixture.processor(ProcessSettings.DEFAULTS));

        assertThat(outcomes).containsExactly(Map.entry("a.toml", Outcome.UPDATED), Map.entry("b.toml", Outcome.UPDATED));
        assertThat(fixture.counters.of("a.toml").checkFailures()).as("the first try is no failure yet").isZero();
        assertThat(fixture.count("check")).as("a.conf checked twice, b.conf once").isEqualTo(3);
        assertThat(Files.readString(fixture.dest.resolveSibling("a.conf"))).isEqualTo("port = 80\n");
    }

    @Test
    void aCheckThatFailsAgainAtTheEndOfThePassIsOneFailure() throws Exception {
        fixture.failWhen(line -> line.startsWith("check") && line.contains("/.a.conf"));
        ResourceSet resources = new ResourceSet(List.of(fixture.resource("a.toml", "/app")));

        Map<String, Outcome> outcomes = resources.processAll(store, fixture.processor(ProcessSettings.DEFAULTS));

        assertThat(outcomes).containsExactly(Map.entry("a.toml", Outcome.CHECK_FAILED));
        assertThat(fixture.count("check")).isEqualTo(2);
        assertThat(fixture.counters.of("a.toml").checkFailures()).isEqualTo(1);
    }
}
