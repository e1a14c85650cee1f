package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkBitsTest {
    @Test
    void felixThreeDefaultMask() {
        assertThat(MarkBits.DEFAULT).isEqualTo(new MarkBits(0x10000, 0x20000, 0x40000, 0x80000));
    }

    @Test
    void felixTwoDefaultMask() {
        assertThat(MarkBits.fromMask(0xff000000)).isEqualTo(new MarkBits(0x1000000, 0x2000000, 0x4000000, 0x8000000));
    }

    @Test
    void aMaskWithTooFewBitsIsRefused() {
        assertThatThrownBy(() -> MarkBits.fromMask(0x7)).hasMessageContaining("0x7 has 3 bits");
    }

    @Test
    void matchAndSetFragments() {
        assertThat(MarkBits.isSet(0x10000)).isEqualTo("-m mark --mark 0x10000/0x10000");
        assertThat(MarkBits.isClear(0x20000)).isEqualTo("-m mark --mark 0x0/0x20000");
        assertThat(MarkBits.set(0x10000)).isEqualTo("-j MARK --set-xmark 0x10000/0x10000");
        assertThat(MarkBits.clear(0x10000)).isEqualTo("-j MARK --set-xmark 0x0/0x10000");
    }
}
