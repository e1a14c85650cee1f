package io.tabby.datastore.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code float64} the way Go's {@code encoding/json} does: the shortest digits that
 * read back to the same double, in plain notation for magnitudes from 1e-6 up to 1e21 and in
 * exponent notation ({@code 1e+21}, {@code 1.5e-7}) outside it. So {@code 10.0} is {@code 10}.
 */
final class GoFloats {

    private GoFloats() {}

    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " cannot be written as JSON");
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        // Double.toString gives the shortest round-tripping digits (JDK 19+), as Go's 'g' -1 does.
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (decimal.precision() == 2) {
            // Java prints at least two digits (4.9E-324) where one would read back (5e-324).
            BigDecimal oneDigit = decimal.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == value) {
                decimal = oneDigit.stripTrailingZeros();
            }
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int absolute = Math.abs(exponent);
        if (exponent > 0 && absolute < 10) {
            out.append('0');
        }
        return out.append(absolute).toString();
    }
}
