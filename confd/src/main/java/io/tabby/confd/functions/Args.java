package io.tabby.confd.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The arguments of one call, with checks whose messages name the function and the argument. */
final class Args {
    private final String function;
    private final List<Object> values;

    Args(String function, List<Object> values) {
        this.function = function;
        this.values = values;
    }

    int size() {
        return values.size();
    }

    /** Requires between {@code min} and {@code max} arguments. */
    Args count(int min, int max, String usage) {
        if (values.size() < min || values.size() > max) {
            throw new IllegalArgumentException("expects " + usage + ", got " + values.size() + " argument"
                    + (values.size() == 1 ? "" : "s"));
        }
        return this;
    }

    String string(int index) {
        Object value = values.get(index);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(index, "a string", value);
    }

    long integer(int index) {
        Object value = values.get(index);
        if (value instanceof Number n) {
            BigDecimal decimal = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            try {
                return decimal.toBigIntegerExact().longValueExact();
            } catch (ArithmeticException e) {
                throw wrongType(index, "a whole number", value);
            }
        }
        throw wrongType(index, "a number (use atoi to turn a string into one)", value);
    }

    List<Object> list(int index) {
        Object value = values.get(index);
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        throw wrongType(index, "a list", value);
    }

    List<String> strings(int index) {
        List<String> strings = new ArrayList<>();
        for (Object item : list(index)) {
            if (!(item instanceof String || item instanceof Number)) {
                throw wrongType(index, "a list of strings", item);
            }
            strings.add(item.toString());
        }
        return strings;
    }

    Object raw(int index) {
        return values.get(index);
    }

    private IllegalArgumentException wrongType(int index, String expected, Object value) {
        String found = value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
        return new IllegalArgumentException("argument " + (index + 1) + " must be " + expected + ", found " + found
                + " (in " + function + ")");
    }
}
