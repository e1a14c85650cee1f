package io.tabby.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A host that lacks what a test needs skips the test with the reason, or fails it under TABBY_REQUIRE_ALL=1. */
class HostRequirementsTest {

    @Test
    void notRootSkipsWithTheReason() {
        var host = new HostRequirements(false, List.of(), () -> "1000");

        assertThatThrownBy(() -> host.requireRoot("making namespaces"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("skipped: making namespaces needs root (id -u is 1000)");
    }

    @Test
    void notRootFailsUnderRequireAll() {
        var host = new HostRequirements(true, List.of(), () -> "1000");

        assertThatThrownBy(() -> host.requireRoot("making namespaces"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("failing because TABBY_REQUIRE_ALL=1");
    }

    @Test
    void rootPasses() {
        new HostRequirements(true, List.of(), () -> "0").requireRoot("making namespaces");
    }

    @Test
    void aMissingProgramIsNamedWithHowToInstallIt(@TempDir Path empty) {
        var host = new HostRequirements(false, List.of(empty), () -> "0");

        assertThatThrownBy(() -> host.requirePrograms("apt-get install bird", "bird"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("skipped: 'bird' is not installed (apt-get install bird)");
    }

    @Test
    void programsAreFoundOnPathAndInTheSystemDirectories() {
        var host = HostRequirements.of(Map.of("PATH", "/bin", HostRequirements.REQUIRE_ALL_VARIABLE, "1"));

        assertThat(host.requireAll()).isTrue();
        assertThat(host.which("sh")).isPresent();
        host.requirePrograms("apt-get install dash", "sh");
    }
}
