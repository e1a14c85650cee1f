package io.tabby.bench.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixSetTest {

    @Test
    void addRemoveContainsAcrossGrowth() {
        PrefixSet set = new PrefixSet(4);
        for (int i = 0; i < 5000; i++) {
            assertThat(set.add(i << 8, 24)).isTrue();
        }
        assertThat(set.add(0, 24)).isFalse();
        assertThat(set.size()).isEqualTo(5000);
        assertThat(set.contains(7 << 8, 24)).isTrue();
        assertThat(set.contains(7 << 8, 25)).as("same address, other length").isFalse();
        for (int i = 0; i < 5000; i += 2) {
            assertThat(set.remove(i << 8, 24)).isTrue();
        }
        assertThat(set.remove(0, 24)).isFalse();
        assertThat(set.size()).isEqualTo(2500);
        assertThat(set.contains(2 << 8, 24)).isFalse();
        assertThat(set.contains(3 << 8, 24)).isTrue();
        assertThat(set.add(2 << 8, 24)).as("re-added after removal").isTrue();
        assertThat(set.size()).isEqualTo(2501);
    }

    @Test
    void highAddressesAreNotConfusedWithFreeSlots() {
        PrefixSet set = new PrefixSet(16);
        assertThat(set.add(0xffffffff, 32)).isTrue();
        assertThat(set.add(0x80000000, 1)).isTrue();
        assertThat(set.contains(0xffffffff, 32)).isTrue();
        assertThat(set.contains(0x80000000, 1)).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }
}
