package io.tabby.node.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.resource.IpPoolSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupSettingsTest {

    @Test
    void defaultsAreCalicoNodes() {
        StartupSettings s = StartupSettings.parse(Map.of());
        assertThat(s.ipv4()).isInstanceOf(AddressSetting.Unset.class);
        assertThat(s.ipv6()).isInstanceOf(AddressSetting.Unset.class);
        assertThat(s.ipv4Method()).isInstanceOf(AutodetectionMethod.FirstFound.class);
        assertThat(s.asNumber()).isEmpty();
        assertThat(s.pools().ipv4()).isEqualTo(
                new IpPoolSpec("192.168.0.0/16", 26, "Always", "Never", true, false, "all()", false));
        assertThat(s.pools().ipv6Requested()).isFalse();
        assertThat(s.pools().ipv6().cidr()).isEqualTo("fd80:24e2:f998:72d6::/64");
    }

    @Test
    void readsEveryVariable() {
        StartupSettings s = StartupSettings.parse(Map.of("IP", "10.0.0.5/24", "IP6", "autodetect",
                "IP6_AUTODETECTION_METHOD", "can-reach=fd00::1", "AS", "65001", "CALICO_IPV4POOL_CIDR", "10.244.0.0/16",
                "TABBY_IPV4POOL_IPIP", "Never", "TABBY_IPV4POOL_VXLAN", "CrossSubnet", "TABBY_IPV4POOL_BLOCK_SIZE", "24",
                "TABBY_IPV6POOL_CIDR", "fd10::/48", "TABBY_IPV4POOL_NODE_SELECTOR", "zone == 'a'"));
        assertThat(s.ipv4()).isEqualTo(new AddressSetting.Given(io.tabby.platform.net.IpPrefix.parse("10.0.0.5/24"), true));
        assertThat(s.ipv6()).isInstanceOf(AddressSetting.Autodetect.class);
        assertThat(s.ipv6Method()).isEqualTo(new AutodetectionMethod.CanReach("fd00::1"));
        assertThat(s.asNumber().orElseThrow().value()).isEqualTo(65001);
        assertThat(s.pools().ipv4()).isEqualTo(
                new IpPoolSpec("10.244.0.0/16", 24, "Never", "CrossSubnet", true, false, "zone == 'a'", false));
        assertThat(s.pools().ipv6Requested()).isTrue();
        assertThat(s.pools().ipv6().cidr()).isEqualTo("fd10::/48");
    }

    @Test
    void wrongValuesNameTheVariable() {
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("IP", "10.0.0.500")))
                .hasMessageContaining("IP=10.0.0.500").hasMessageContaining("autodetect or none");
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("IP6", "10.0.0.5")))
                .hasMessageContaining("IP6=10.0.0.5 is not an IPv6 address");
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("IP_AUTODETECTION_METHOD", "magic")))
                .hasMessageContaining("IP_AUTODETECTION_METHOD=magic is not a known method");
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("IP_AUTODETECTION_METHOD", "interface=(")))
                .hasMessageContaining("IP_AUTODETECTION_METHOD=interface=(");
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("AS", "lots")))
                .hasMessageContaining("AS=lots");
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("TABBY_IPV4POOL_IPIP", "sometimes")))
                .hasMessageContaining("TABBY_IPV4POOL_IPIP=sometimes");
        assertThatThrownBy(() -> StartupSettings.parse(Map.of("TABBY_IPV4POOL_VXLAN", "Always")))
                .hasMessageContaining("set one of them to Never");
    }
}
