package io.tabby.bird.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixListTest {
    @Test
    void packsIpv4EntriesAndClearsHostBits() {
        PrefixList list = PrefixList.builder(AfiSafi.IPV4_UNICAST, false)
                .addIpv4(0x0a0102ff, 26, 0)
                .addIpv4(0xc0a80101, 32, 0)
                .addIpv4(0x12345678, 0, 0)
                .build();
        assertThat(list.prefixes()).containsExactly(
                Ipv4Prefix.parse("10.1.2.192/26"), Ipv4Prefix.parse("192.168.1.1/32"), Ipv4Prefix.parse("0.0.0.0/0"));
        assertThat(list.hasPathIds()).isFalse();
        assertThat(list.pathId(0)).isZero();
    }

    @Test
    void packsIpv6EntriesWithPathIds() {
        PrefixList list = PrefixList.builder(AfiSafi.IPV6_UNICAST, true)
                .addIpv6(0x20010db800000000L, 0xffffL, 122, 7)
                .addIpv6(0xfd00000000000000L, 0, 8, -1)
                .build();
        assertThat(list.prefix(0)).isEqualTo(new Ipv6Prefix(0x20010db800000000L, 0xffc0L, 122));
        assertThat(list.prefix(0)).hasToString("2001:db8:0:0:0:0:0:ffc0/122");
        assertThat(list.pathId(0)).isEqualTo(7);
        assertThat(Integer.toUnsignedLong(list.pathId(1))).isEqualTo(0xffffffffL);
        assertThat(list).hasToString("ipv6-unicast[2001:db8:0:0:0:0:0:ffc0/122 id 7, fd00:0:0:0:0:0:0:0/8 id 4294967295]");
    }

    @Test
    void equalityIsByContentFamilyAndPathIds() {
        List<Prefix> prefixes = List.of(Ipv4Prefix.parse("10.0.0.0/8"), Ipv4Prefix.parse("10.1.0.0/16"));
        PrefixList a = PrefixList.of(AfiSafi.IPV4_UNICAST, prefixes);
        PrefixList b = PrefixList.of(AfiSafi.IPV4_UNICAST, prefixes);
        PrefixList withIds = PrefixList.builder(AfiSafi.IPV4_UNICAST, true).add(prefixes.get(0), 0).add(prefixes.get(1), 0).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(withIds);
        assertThat(PrefixList.builder(AfiSafi.IPV4_UNICAST, true).build()).isEqualTo(PrefixList.empty(AfiSafi.IPV4_UNICAST));
    }

    @Test
    void growsPastItsInitialCapacity() {
        PrefixList.Builder builder = PrefixList.builder(AfiSafi.IPV6_UNICAST, true);
        for (int i = 0; i < 1000; i++) {
            builder.addIpv6(i, i, 128, i);
        }
        PrefixList list = builder.build();
        assertThat(list.size()).isEqualTo(1000);
        assertThat(list.ipv6Low(999)).isEqualTo(999);
        assertThat(list.pathId(999)).isEqualTo(999);
    }

    @Test
    void rejectsTheWrongFamilyAndBadLengths() {
        assertThatThrownBy(() -> PrefixList.builder(AfiSafi.IPV4_UNICAST, false).addIpv6(0, 0, 64, 0))
                .hasMessageContaining("cannot add an IPV6 prefix to an ipv4-unicast list");
        assertThatThrownBy(() -> PrefixList.builder(AfiSafi.IPV4_UNICAST, false).addIpv4(0, 33, 0))
                .hasMessageContaining("outside 0..32");
        assertThatThrownBy(() -> new Ipv4Prefix(0x0a000001, 8)).hasMessageContaining("host bits set");
        assertThatThrownBy(() -> PrefixList.empty(AfiSafi.IPV4_UNICAST).prefix(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
