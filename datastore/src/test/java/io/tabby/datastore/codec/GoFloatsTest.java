package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GoFloatsTest {

    /** Expected strings are what Go's json.Marshal prints for the same float64. */
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "10, 10",
        "1000, 1000",
        "10.5, 10.5",
        "-2.25, -2.25",
        "0.1, 0.1",
        "12.345678, 12.345678",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "1.5e-10, 1.5e-10",
        "123456789012345678901, 123456789012345680000",
        "1e21, 1e+21",
        "1.2345e25, 1.2345e+25",
        "-1e300, -1e+300",
        "4.9e-324, 5e-324",
    })
    void formatsAsGoDoes(double value, String expected) {
        assertThat(GoFloats.format(value)).isEqualTo(expected);
    }

    @Test
    void negativeZeroKeepsItsSign() {
        assertThat(GoFloats.format(-0.0)).isEqualTo("-0");
    }

    @Test
    void refusesNonFiniteValues() {
        assertThatThrownBy(() -> GoFloats.format(Double.NaN)).hasMessage("NaN cannot be written as JSON");
    }
}
