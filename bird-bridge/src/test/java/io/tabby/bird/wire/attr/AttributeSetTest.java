package io.tabby.bird.wire.attr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.PrefixList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeSetTest {
    private static final AsPath PATH = new AsPath(List.of(AsPathSegment.sequence(65001L, 65002L)));

    @Test
    void ordersByTypeCodeAndLooksUp() {
        AttributeSet set = AttributeSet.of(new LocalPref(100), Origin.IGP, new NextHop(1), PATH);
        assertThat(set.attributes()).extracting(PathAttribute::typeCode).containsExactly(1, 2, 3, 5);
        assertThat(set.get(LocalPref.class)).contains(new LocalPref(100));
        assertThat(set.get(AttributeType.MULTI_EXIT_DISC)).isEmpty();
        assertThat(set.with(new LocalPref(200)).get(LocalPref.class)).contains(new LocalPref(200));
        assertThat(set.without(AttributeType.LOCAL_PREF).contains(AttributeType.LOCAL_PREF)).isFalse();
        assertThat(PATH.pathLength()).isEqualTo(2);
    }

    @Test
    void rejectsDuplicatesAndPerMessageAttributes() {
        assertThatThrownBy(() -> AttributeSet.of(Origin.IGP, Origin.EGP)).hasMessageContaining("two ORIGIN");
        assertThatThrownBy(() -> AttributeSet.of(new MpUnreachNlri(PrefixList.empty(AfiSafi.IPV6_UNICAST))))
                .hasMessageContaining("MP_UNREACH_NLRI is carried by the UPDATE");
    }

    @Test
    void internerReturnsOneCanonicalInstancePerDistinctSet() {
        AttributeInterner interner = new AttributeInterner();
        AttributeSet first = interner.intern(AttributeSet.of(Origin.IGP, PATH, new NextHop(1)));
        AttributeSet second = interner.intern(AttributeSet.of(new NextHop(1), PATH, Origin.IGP));
        AttributeSet other = interner.intern(AttributeSet.of(Origin.EGP, PATH, new NextHop(1)));
        assertThat(second).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(interner.size()).isEqualTo(2);
        interner.retainOnly(set -> set == first);
        assertThat(interner.size()).isEqualTo(1);
        assertThat(interner.intern(AttributeSet.EMPTY)).isSameAs(AttributeSet.EMPTY);
    }

    @Test
    void unknownTransitiveAttributesAreResentWithThePartialBit() {
        UnknownAttribute transitive = new UnknownAttribute(0xc0, 99, Bytes.of((byte) 1));
        UnknownAttribute local = new UnknownAttribute(0x80, 98, Bytes.EMPTY);
        assertThat(transitive.forResend()).contains(new UnknownAttribute(0xe0, 99, Bytes.of((byte) 1)));
        assertThat(local.forResend()).isEmpty();
        assertThatThrownBy(() -> new UnknownAttribute(0x40, 99, Bytes.EMPTY)).hasMessageContaining("must be optional");
    }
}
