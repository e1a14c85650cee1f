package io.tabby.confd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @Test
    void starDoesNotCrossSlashes() {
        GlobPattern glob = GlobPattern.compile("/host/*/ip_addr_v4");
        assertThat(glob.matches("/host/n1/ip_addr_v4")).isTrue();
        assertThat(glob.matches("/host/a/b/ip_addr_v4")).isFalse();
        assertThat(GlobPattern.compile("/host/*").matches("/host/n1/x")).isFalse();
    }

    @Test
    void questionMarkClassesAndEscapes() {
        assertThat(GlobPattern.compile("/n?").matches("/n1")).isTrue();
        assertThat(GlobPattern.compile("/n?").matches("/n/")).isFalse();
        assertThat(GlobPattern.compile("/n[0-4]").matches("/n3")).isTrue();
        assertThat(GlobPattern.compile("/n[0-4]").matches("/n7")).isFalse();
        assertThat(GlobPattern.compile("/n[^0-4]").matches("/n7")).isTrue();
        assertThat(GlobPattern.compile("/n[^0-4]").matches("/n/")).isFalse();
        assertThat(GlobPattern.compile("/a\\*").matches("/a*")).isTrue();
        assertThat(GlobPattern.compile("/a\\*").matches("/ab")).isFalse();
        assertThat(GlobPattern.compile("/a.b").matches("/axb")).isFalse();
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThatThrownBy(() -> GlobPattern.compile("/a[")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> GlobPattern.compile("/a\\")).hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> GlobPattern.compile("/[z-a]")).hasMessageContaining("backwards range");
    }
}
