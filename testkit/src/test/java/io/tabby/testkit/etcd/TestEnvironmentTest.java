package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class TestEnvironmentTest {

    @Test
    void readsExternalEndpointsAsCommaSeparatedList() {
        TestEnvironment environment = TestEnvironment.of(Map.of("TABBY_TEST_ETCD", " http://a:2379, http://b:2379 ,"));

        assertThat(environment.externalEndpoints()).contains(List.of("http://a:2379", "http://b:2379"));
        assertThat(environment.requireAll()).isFalse();
    }

    @Test
    void blankExternalEndpointsMeanNone() {
        assertThat(TestEnvironment.of(Map.of("TABBY_TEST_ETCD", " , ")).externalEndpoints()).isEmpty();
        assertThat(TestEnvironment.of(Map.of()).externalEndpoints()).isEmpty();
    }

    @Test
    void missingToolIsASkipNormally() {
        RuntimeException error = TestEnvironment.of(Map.of()).unavailable("no frobnicator");

        assertThat(error).isInstanceOf(TestAbortedException.class).hasMessage("no frobnicator");
    }

    @Test
    void missingToolIsAFailureWhenEverythingIsRequired() {
        RuntimeException error = TestEnvironment.of(Map.of("TABBY_REQUIRE_ALL", "1")).unavailable("no frobnicator");

        assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no frobnicator")
                .hasMessageContaining("TABBY_REQUIRE_ALL=1");
    }

    @Test
    void findsExecutablesOnThePathInOrder(@TempDir Path first, @TempDir Path second) throws IOException {
        Path notExecutable = Files.createFile(first.resolve("tool"));
        Path executable = Files.createFile(second.resolve("tool"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        TestEnvironment environment = TestEnvironment.of(Map.of("PATH", first + ":" + second));

        assertThat(notExecutable).exists();
        assertThat(environment.which("tool")).contains(executable);
        assertThat(environment.which("other")).isEmpty();
    }
}
