package io.tabby.ipam.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import org.junit.jupiter.api.Test;

class BlockAddressesTest {

    private final AllocationBlock v4 = AllocationBlock.empty(Cidr.parse("10.1.2.64/26"), "n1");
    private final AllocationBlock v6 = AllocationBlock.empty(Cidr.parse("fd80:24e2:f998:72d6::40/122"), "n1");

    @Test
    void v4OrdinalsMapBothWays() {
        assertThat(BlockAddresses.addressOf(v4, 0)).hasToString("10.1.2.64");
        assertThat(BlockAddresses.addressOf(v4, 63)).hasToString("10.1.2.127");
        assertThat(BlockAddresses.ordinalOf(v4, IpAddr.parse("10.1.2.100"))).isEqualTo(36);
        for (int ordinal = 0; ordinal < 64; ordinal++) {
            assertThat(BlockAddresses.ordinalOf(v4, BlockAddresses.addressOf(v4, ordinal))).isEqualTo(ordinal);
        }
    }

    @Test
    void v6OrdinalsMapBothWays() {
        assertThat(BlockAddresses.addressOf(v6, 0)).hasToString("fd80:24e2:f998:72d6::40");
        assertThat(BlockAddresses.addressOf(v6, 63)).hasToString("fd80:24e2:f998:72d6::7f");
        assertThat(BlockAddresses.ordinalOf(v6, IpAddr.parse("fd80:24e2:f998:72d6::41"))).isEqualTo(1);
        for (int ordinal = 0; ordinal < 64; ordinal++) {
            assertThat(BlockAddresses.ordinalOf(v6, BlockAddresses.addressOf(v6, ordinal))).isEqualTo(ordinal);
        }
    }

    @Test
    void outsideAddressesAndOrdinalsAreRefused() {
        assertThatThrownBy(() -> BlockAddresses.ordinalOf(v4, IpAddr.parse("10.1.2.128")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.1.2.64/26");
        assertThatThrownBy(() -> BlockAddresses.addressOf(v4, 64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blockOfMasksToTheBlockPrefix() {
        assertThat(BlockAddresses.blockOf(IpAddr.parse("192.168.7.200"), 26)).hasToString("192.168.7.192/26");
        assertThat(BlockAddresses.blockOf(IpAddr.parse("fd80::1:ffff"), 122)).hasToString("fd80::1:ffc0/122");
    }
}
