package io.tabby.ctl.ipam;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The two Go number formats calicoctl's {@code ipam show} prints, reproduced exactly: Go rounds
 * the exact binary value half to even, and {@code %g} drops trailing zeros and switches to
 * {@code d.dddde+XX} when the exponent is below -4 or at least the precision.
 */
final class GoNumbers {

    private GoNumbers() {}

    /** Go's {@code fmt.Sprintf("%.<precision>g", value)} for a finite, non-negative value. */
    static String significant(double value, int precision) {
        checkFinite(value);
        if (precision < 1) {
            throw new IllegalArgumentException("precision must be at least 1, got " + precision);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            int magnitude = Math.abs(exponent);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Go's {@code fmt.Sprintf("%.f", value)}: rounded half to even to a whole number. */
    static String whole(double value) {
        checkFinite(value);
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void checkFinite(double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("expected a finite, non-negative number, got " + value);
        }
    }
}
