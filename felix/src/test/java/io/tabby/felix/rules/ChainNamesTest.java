package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainNamesTest {
    @Test
    void shortNamesArePlain() {
        assertThat(ChainNames.toWorkload("cali0123456789a")).isEqualTo("cali-tw-cali0123456789a");
        assertThat(ChainNames.fromWorkload("cali0123456789a")).isEqualTo("cali-fw-cali0123456789a");
        assertThat(ChainNames.policyInbound("default-deny")).isEqualTo("cali-pi-default-deny");
        assertThat(ChainNames.profileOutbound("kns.default")).isEqualTo("cali-pro-kns.default");
    }

    @Test
    void longNamesAreHashedToTwentyEightCharacters() {
        String name = ChainNames.policyInbound("knp.default.a-rather-long-policy-name");
        assertThat(name).hasSize(28).startsWith("cali-pi-_");
        assertThat(ChainNames.policyInbound("knp.default.a-rather-long-policy-name")).isEqualTo(name);
        assertThat(ChainNames.policyInbound("knp.default.another-long-policy-name!")).isNotEqualTo(name);
    }

    @Test
    void exactlyTwentyEightIsKeptUnlessTheSuffixStartsWithAnUnderscore() {
        assertThat(ChainNames.policyInbound("abcdefghijklmnopqrst")).isEqualTo("cali-pi-abcdefghijklmnopqrst");
        assertThat(ChainNames.policyInbound("_bcdefghijklmnopqrst")).startsWith("cali-pi-_").hasSize(28)
                .isNotEqualTo("cali-pi-_bcdefghijklmnopqrst");
    }

    @Test
    void namesWithCharactersIptablesRefusesAreHashed() {
        assertThat(ChainNames.policyInbound("ns/web")).startsWith("cali-pi-_").doesNotContain("/");
    }
}
