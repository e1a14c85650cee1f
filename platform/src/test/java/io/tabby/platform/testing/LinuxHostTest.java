package io.tabby.platform.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The kernel ITs skip with a reason when they cannot run, and fail instead under TABBY_REQUIRE_ALL=1. */
class LinuxHostTest {

    private final RecordingCommandRunner notRoot = new RecordingCommandRunner().replyTo(List.of("id", "-u"), "1000\n");

    @Test
    void skipsWithAReasonWhenNotRoot() {
        assertThatThrownBy(() -> new LinuxHost(notRoot, Map.of()).require("ip"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("need root");
    }

    @Test
    void failsWhenNotRootUnderRequireAll() {
        assertThatThrownBy(() -> new LinuxHost(notRoot, Map.of("TABBY_REQUIRE_ALL", "1")).require("ip"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("TABBY_REQUIRE_ALL=1");
    }

    @Test
    void aMissingProgramIsNamed() {
        RecordingCommandRunner root = new RecordingCommandRunner()
                .replyTo(List.of("id", "-u"), "0\n")
                .reply(RecordingCommandRunner.argvContains(List.of("command -v ipset")), 1, "", "");

        assertThatThrownBy(() -> new LinuxHost(root, Map.of()).require("ip", "ipset"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("'ipset' is not installed");
    }
}
