package io.tabby.datastore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "192.168.0.0/16, 192.168.0.0/16, 192.168.0.0-16",
        "10.0.0.1/8, 10.0.0.0/8, 10.0.0.0-8",
        "10.1.2.3/32, 10.1.2.3/32, 10.1.2.3-32",
        "0.0.0.0/0, 0.0.0.0/0, 0.0.0.0-0",
        "fd80:24e2:f998:72d6::/64, fd80:24e2:f998:72d6::/64, fd80:24e2:f998:72d6::-64",
        "FD80:24E2:F998:72D6:1::/64, fd80:24e2:f998:72d6::/64, fd80:24e2:f998:72d6::-64",
        "fd00::1:0:0:0:0/64, fd00:0:0:1::/64, fd00:0:0:1::-64",
    })
    void normalisesToTheNetworkAddress(String text, String canonical, String segment) {
        Cidr cidr = Cidr.parse(text);

        assertThat(cidr).hasToString(canonical);
        assertThat(cidr.keySegment()).isEqualTo(segment);
        assertThat(Cidr.parse(canonical)).isEqualTo(cidr);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0 | bad CIDR \"10.0.0.0\": no prefix length (expected <address>/<prefix length>)",
        "10.0.0.0/33 | bad CIDR \"10.0.0.0/33\": prefix length 33 is out of range 0-32 for IPv4",
        "fd00::/129 | bad CIDR \"fd00::/129\": prefix length 129 is out of range 0-128 for IPv6",
        "10.0.0.0/08 | bad CIDR \"10.0.0.0/08\": prefix length \"08\" is not a number 0-32",
        "10.0.0.0/ | bad CIDR \"10.0.0.0/\": prefix length \"\" is not a number 0-32",
        "10.0.0.0/-1 | bad CIDR \"10.0.0.0/-1\": prefix length \"-1\" is not a number 0-32",
        "10.0.0.0/99999999999 | bad CIDR \"10.0.0.0/99999999999\": prefix length 99999999999 is out of range 0-32 for IPv4",
        "10.0.0/8 | bad CIDR \"10.0.0/8\": bad IP address \"10.0.0\": options do not allow IPv4 address with less than four segments",
        "10.0.0.0/8/8 | bad CIDR \"10.0.0.0/8/8\": prefix length \"8/8\" is not a number 0-32",
    })
    void refusesMalformedText(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void containsAddressesAndNetworks() {
        Cidr pool = Cidr.parse("192.168.0.0/16");

        assertThat(pool.contains(IpAddr.parse("192.168.255.255"))).isTrue();
        assertThat(pool.contains(IpAddr.parse("192.169.0.0"))).isFalse();
        assertThat(pool.contains(IpAddr.parse("::1"))).isFalse();
        assertThat(pool.contains(Cidr.parse("192.168.1.0/26"))).isTrue();
        assertThat(pool.contains(Cidr.parse("192.168.0.0/15"))).isFalse();
        assertThat(pool.family()).isEqualTo(IpFamily.V4);
        assertThat(pool.prefixLength()).isEqualTo(16);
    }

    @Test
    void mapsOrdinalsToAddressesAndBack() {
        Cidr block = Cidr.parse("192.168.1.0/26");

        assertThat(block.size()).isEqualTo(BigInteger.valueOf(64));
        assertThat(block.addressAt(0)).hasToString("192.168.1.0");
        assertThat(block.addressAt(63)).hasToString("192.168.1.63");
        assertThat(block.ordinalOf(IpAddr.parse("192.168.1.17"))).isEqualTo(17);
        assertThatThrownBy(() -> block.addressAt(64)).hasMessage("ordinal 64 is outside 192.168.1.0/26");
        assertThatThrownBy(() -> block.ordinalOf(IpAddr.parse("192.168.1.64")))
                .hasMessage("192.168.1.64 is outside 192.168.1.0/26");

        Cidr block6 = Cidr.parse("fd00::/122");
        assertThat(block6.addressAt(63)).hasToString("fd00::3f");
    }

    @Test
    void constructorClearsHostBits() {
        assertThat(Cidr.of(IpAddr.parse("10.1.2.3"), 16)).hasToString("10.1.0.0/16");
        assertThat(Cidr.host(IpAddr.parse("fd00::1"))).hasToString("fd00::1/128");
        assertThatThrownBy(() -> Cidr.of(IpAddr.parse("10.0.0.0"), 33))
                .hasMessage("prefix length 33 is out of range 0-32 for IPv4");
    }
}
