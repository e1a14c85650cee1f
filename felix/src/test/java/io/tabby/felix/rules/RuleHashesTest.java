package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleHashesTest {
    private static final RuleSpec DROP = RuleSpec.of("", "-j DROP");
    private static final RuleSpec ACCEPT = RuleSpec.of("-i cali+", "-j ACCEPT");

    @Test
    void aRulesHashDependsOnTheChainAndEverythingBeforeIt() {
        List<String> ab = RuleHashes.of("cali-x", List.of(ACCEPT, DROP));
        List<String> b = RuleHashes.of("cali-x", List.of(DROP));
        List<String> otherChain = RuleHashes.of("cali-y", List.of(ACCEPT, DROP));
        assertThat(ab).hasSize(2).allSatisfy(h -> assertThat(h).hasSize(16).matches("[A-Za-z0-9_-]+"));
        assertThat(ab.get(1)).isNotEqualTo(b.getFirst());
        assertThat(otherChain.getFirst()).isNotEqualTo(ab.getFirst());
        assertThat(RuleHashes.of("cali-x", List.of(ACCEPT, DROP))).isEqualTo(ab);
    }

    @Test
    void commentsAreNotHashed() {
        assertThat(RuleHashes.of("cali-x", List.of(RuleSpec.commented("why", "", "-j DROP"))))
                .isEqualTo(RuleHashes.of("cali-x", List.of(DROP)));
    }

    @Test
    void findsTheHashAsIptablesSavePrintsIt() {
        assertThat(RuleHashes.find("-i cali+ -m comment --comment \"cali:y1KQ1OFj-0Rf90eZ\" -j cali-from-wl-dispatch"))
                .isEqualTo("y1KQ1OFj-0Rf90eZ");
        assertThat(RuleHashes.find("-m comment --comment cali:y1KQ1OFj-0Rf90eZ -j DROP")).isEqualTo("y1KQ1OFj-0Rf90eZ");
        assertThat(RuleHashes.find("-j DROP")).isNull();
    }
}
