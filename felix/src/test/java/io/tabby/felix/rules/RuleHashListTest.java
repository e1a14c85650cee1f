package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleHashListTest {

    private static final String A = "wUHhoiAYhphO9Mso";
    private static final String B = "abc-_0123456789Z";

    @Test
    void readsBackAsTheListItWasBuiltFromWithNullsForRulesWithoutAHash() {
        List<String> hashes = new RuleHashList.Builder(1).add(A).add(null).add(B).build();

        assertThat(hashes).containsExactly(A, null, B);
        List<String> plain = new ArrayList<>(Arrays.asList(A, null, B));
        assertThat(hashes).isEqualTo(plain);
        assertThat(plain).isEqualTo(hashes);
        assertThat(hashes.hashCode()).isEqualTo(plain.hashCode());
        assertThat(new RuleHashList.Builder(3).add(A).add(null).add(B).build()).isEqualTo(hashes);
        assertThat(new RuleHashList.Builder(3).add(A).add(B).build()).isNotEqualTo(hashes);
        assertThat(new RuleHashList.Builder(0).build()).isEmpty();
    }

    @Test
    void isReadOnlyAndBounded() {
        List<String> hashes = new RuleHashList.Builder(1).add(A).build();
        assertThatThrownBy(() -> hashes.add(B)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> hashes.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> hashes.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesWhatIsNotAHash() {
        RuleHashList.Builder builder = new RuleHashList.Builder(1);
        assertThatThrownBy(() -> builder.add("short")).hasMessageContaining("'short' is not a felix rule hash");
        assertThatThrownBy(() -> builder.add("wUHhoiAYhphO9Ms=")).hasMessageContaining("base64url");
    }

    @Test
    void chainsHashIntoPackedLists() {
        List<String> hashes = RuleHashes.of("cali-x", List.of(RuleSpec.of("", "-j ACCEPT"), RuleSpec.of("-p tcp", "-j DROP")));
        assertThat(hashes).isInstanceOf(RuleHashList.class).hasSize(2).allMatch(h -> h.length() == RuleHashes.LENGTH);
    }
}
