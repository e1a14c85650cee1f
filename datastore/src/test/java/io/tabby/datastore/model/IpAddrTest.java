package io.tabby.datastore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddrTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1, V4",
        "0.0.0.0, 0.0.0.0, V4",
        "FD80:0:0:0:0:0:0:1, fd80::1, V6",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1, V6",
        "0db8::1, db8::1, V6",
        "::, ::, V6",
        "::1.2.3.4, ::102:304, V6",
    })
    void printsCanonicalText(String text, String canonical, String family) {
        IpAddr ip = IpAddr.parse(text);

        assertThat(ip.toString()).isEqualTo(canonical);
        assertThat(ip.family()).isEqualTo(IpFamily.valueOf(family));
        assertThat(IpAddr.parse(canonical)).isEqualTo(ip);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "010.0.0.1 | bad IP address \"010.0.0.1\": segment value starts with zero",
        "10.0.0 | bad IP address \"10.0.0\": options do not allow IPv4 address with less than four segments",
        "256.0.0.1 | bad IP address \"256.0.0.1\": IPv4 segment too large",
        "10.0.0.1/32 | bad IP address \"10.0.0.1/32\": unexpected character \"/\"",
        "fe80::1%eth0 | bad IP address \"fe80::1%eth0\": unexpected character \"%\"",
        "' 10.0.0.1' | bad IP address \" 10.0.0.1\": unexpected character \" \"",
        "::ffff:1.2.3.4 | bad IP address \"::ffff:1.2.3.4\": IPv4-mapped IPv6 address; write the IPv4 address instead",
    })
    void refusesAnythingButPlainAddresses(String text, String message) {
        assertThatThrownBy(() -> IpAddr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refusesEmptyText() {
        assertThatThrownBy(() -> IpAddr.parse("")).hasMessage("empty IP address");
    }

    @Test
    void convertsToAndFromNumbers() {
        IpAddr ip = IpAddr.parse("10.0.0.1");

        assertThat(ip.toBigInteger()).isEqualTo(BigInteger.valueOf(0x0a000001L));
        assertThat(IpAddr.of(IpFamily.V4, BigInteger.valueOf(0xffffffffL))).hasToString("255.255.255.255");
        assertThat(IpAddr.of(IpFamily.V6, BigInteger.ONE)).hasToString("::1");
        assertThatThrownBy(() -> IpAddr.of(IpFamily.V4, BigInteger.ONE.shiftLeft(32)))
                .hasMessage("4294967296 is out of range for IPv4");
    }
}
