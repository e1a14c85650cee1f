package io.tabby.bench.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixPlanTest {

    @Test
    void prefixesAreDistinctAlignedAndSlash26To32() {
        PrefixPlan plan = PrefixPlan.calicoLike(10_000);
        Set<String> seen = new HashSet<>();
        int[] perLength = new int[33];
        for (int i = 0; i < plan.count(); i++) {
            int length = plan.length(i);
            assertThat(length).isBetween(26, 32);
            perLength[length]++;
            int hostBits = 32 - length;
            assertThat(plan.address(i) & (int) ((1L << hostBits) - 1)).as("host bits of prefix %d", i).isZero();
            assertThat(seen.add(plan.prefix(i).toString())).as("prefix %d is new", i).isTrue();
        }
        for (int length = 26; length <= 32; length++) {
            assertThat(perLength[length]).isBetween(10_000 / 7, 10_000 / 7 + 1);
        }
        assertThat(plan.prefix(0)).hasToString("32.0.0.0/26");
        assertThat(plan.prefix(1)).hasToString("32.0.0.64/27");
    }

    @Test
    void attributeSetsTakeTurns() {
        PrefixPlan plan = PrefixPlan.calicoLike(8);
        assertThat(plan.attributeSet(0)).isZero();
        assertThat(plan.attributeSet(5)).isEqualTo(1);
    }

    @Test
    void aMillionFitAndTooManyAreRefused() {
        PrefixPlan plan = PrefixPlan.calicoLike(1_000_000);
        assertThat(plan.prefix(999_999).toString()).startsWith("35.");
        assertThatThrownBy(() -> new PrefixPlan(1 << 20, 0xfd000000, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room for");
        assertThatThrownBy(() -> plan.address(1_000_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
