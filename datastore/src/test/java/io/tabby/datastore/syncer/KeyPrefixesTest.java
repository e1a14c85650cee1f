package io.tabby.datastore.syncer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPrefixesTest {

    @Test
    void dropsPrefixesInsideOthersAndSorts() {
        var prefixes = KeyPrefixes.of(List.of("/calico/v1/host/", "/calico/ipam/", "/calico/v1/host/node1/",
                "/calico/ipam/"));

        assertThat(prefixes.prefixes()).containsExactly("/calico/ipam/", "/calico/v1/host/");
    }

    @Test
    void watchesTheLongestCommonPrefix() {
        assertThat(KeyPrefixes.of(List.of("/calico/v1/host/", "/calico/v1/config/")).watchPrefix())
                .isEqualTo("/calico/v1/");
        assertThat(KeyPrefixes.of(List.of("/calico/v1/host/")).watchPrefix()).isEqualTo("/calico/v1/host/");
        assertThat(KeyPrefixes.of(List.of("/calico/", "/tabby/")).watchPrefix()).isEqualTo("/");
    }

    @Test
    void coversKeysUnderAnyPrefixOnly() {
        var prefixes = KeyPrefixes.of(List.of("/calico/v1/host/", "/calico/v1/config/"));

        assertThat(prefixes.covers("/calico/v1/host/n1/bird_ip")).isTrue();
        assertThat(prefixes.covers("/calico/v1/config/LogSeverity")).isTrue();
        assertThat(prefixes.covers("/calico/v1/policy/p")).isFalse();
        assertThat(prefixes.covers("/calico/v1/hostX")).isFalse();
    }

    @Test
    void needsAtLeastOnePrefix() {
        assertThatThrownBy(() -> KeyPrefixes.of(List.of())).hasMessageContaining("at least one key prefix");
    }
}
