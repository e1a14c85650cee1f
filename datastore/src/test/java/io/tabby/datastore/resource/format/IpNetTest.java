package io.tabby.datastore.resource.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpNetTest {
    @Test
    void canonicalTextAndNetworks() {
        IpNet node = IpNet.parseCidr("10.0.2.15/24").orElseThrow();
        assertThat(node.addressText()).isEqualTo("10.0.2.15");
        assertThat(node.isNetwork()).isFalse();
        assertThat(node.network()).hasToString("10.0.2.0/24");
        assertThat(IpNet.parseCidr("FD80:24E2:F998:72D6:0:0:0:0/64").orElseThrow()).hasToString("fd80:24e2:f998:72d6::/64");
        assertThat(IpNet.parseAddress("fd00:0:0:1:0:0:0:1").orElseThrow().addressText()).isEqualTo("fd00:0:0:1::1");
        assertThat(IpNet.parseCidrOrAddress("10.0.0.1").orElseThrow()).hasToString("10.0.0.1/32");
        assertThat(IpNet.parseCidr("169.254.1.0/24").orElseThrow()
                .overlaps(IpNet.parseCidr("169.254.0.0/16").orElseThrow())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "010.0.0.0/8", "10.0.0.0/08", "host/8", "fd00::1%eth0/64",
            "::ffff:10.0.0.1/128", "10.0.0.0/", "/8"})
    void rejects(String text) {
        assertThat(IpNet.parseCidr(text)).isEmpty();
    }

    @Test
    void peerAddresses() {
        assertThat(PeerAddress.parse("10.0.0.5")).hasValueSatisfying(p -> assertThat(p.port()).isZero());
        assertThat(PeerAddress.parse("10.0.0.5:1790").orElseThrow()).hasToString("10.0.0.5:1790");
        assertThat(PeerAddress.parse("[FD00::5]:179").orElseThrow()).hasToString("[fd00::5]:179");
        assertThat(PeerAddress.parse("fd00::5").orElseThrow().effectivePort()).isEqualTo(179);
        assertThat(PeerAddress.parse("10.0.0.5:0")).isEmpty();
        assertThat(PeerAddress.parse("[10.0.0.5]:179")).isEmpty();
    }

    @Test
    void defaultNames() {
        assertThat(DefaultNames.pool(IpNet.parseCidr("192.168.0.0/16").orElseThrow())).isEqualTo("192-168-0-0-16");
        assertThat(DefaultNames.peer("", PeerAddress.parse("10.0.0.5").orElseThrow())).isEqualTo("10-0-0-5");
        assertThat(DefaultNames.peer("node1", PeerAddress.parse("[fd00::5]:1790").orElseThrow()))
                .isEqualTo("node1.fd00--5-1790");
    }
}
