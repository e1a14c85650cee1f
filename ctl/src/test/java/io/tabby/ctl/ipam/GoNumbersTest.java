package io.tabby.ctl.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected strings are what Go's fmt prints for the same float64. */
class GoNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 1",
        "64, 64",
        "65536, 65536",
        "99999, 99999",
        "100000, 1e+05",
        "131072, 1.3107e+05",
        "123456, 1.2346e+05",
        "16777216, 1.6777e+07",
        "18446744073709551616, 1.8447e+19",
        "1208925819614629174706176, 1.2089e+24",
        "340282366920938463463374607431768211456, 3.4028e+38",
        "12.5, 12.5",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "123455, 1.2346e+05",
        "123465, 1.2346e+05",
    })
    void significantIsGoPercentPoint5g(double value, String go) {
        assertThat(GoNumbers.significant(value, 5)).isEqualTo(go);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1.5625, 2",
        "98.4375, 98",
        "0.5, 0",
        "1.5, 2",
        "2.5, 2",
        "99.99, 100",
        "100, 100",
    })
    void wholeIsGoPercentPointF(double value, String go) {
        assertThat(GoNumbers.whole(value)).isEqualTo(go);
    }

    @Test
    void rejectsWhatIpamShowNeverPrints() {
        assertThatThrownBy(() -> GoNumbers.significant(Double.NaN, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoNumbers.whole(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoNumbers.significant(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
