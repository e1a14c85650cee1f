package io.tabby.confd.functions;

import io.tabby.confd.store.KvPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongBinaryOperator;

/**
 * confd's value helpers: {@code json}, {@code jsonArray}, {@code map}, {@code parseBool},
 * {@code atoi}, {@code add}, {@code sub}, {@code mul}, {@code div}, {@code mod}, {@code seq},
 * {@code reverse}, {@code sortByLength}, {@code sortKVByLength}, and Calico's {@code hashToIPv4}.
 */
final class ValueFunctions {
    private ValueFunctions() {}

    static void addTo(Map<String, NamedMethod> functions) {
        add(functions, "json", args -> JsonValues.object(args.count(1, 1, "json(s)").string(0)));
        add(functions, "jsonArray", args -> JsonValues.array(args.count(1, 1, "jsonArray(s)").string(0)));
        add(functions, "map", ValueFunctions::map);
        add(functions, "parseBool", args -> parseBool(args.count(1, 1, "parseBool(s)").string(0)));
        add(functions, "atoi", args -> atoi(args.count(1, 1, "atoi(s)").string(0)));
        add(functions, "add", arithmetic("add", Math::addExact));
        add(functions, "sub", arithmetic("sub", Math::subtractExact));
        add(functions, "mul", arithmetic("mul", Math::multiplyExact));
        add(functions, "div", arithmetic("div", (a, b) -> a / nonZero(b)));
        add(functions, "mod", arithmetic("mod", (a, b) -> a % nonZero(b)));
        add(functions, "seq", args -> seq(args.count(2, 2, "seq(first, last)").integer(0), args.integer(1)));
        add(functions, "reverse", args -> {
            List<Object> list = args.count(1, 1, "reverse(list)").list(0);
            Collections.reverse(list);
            return list;
        });
        add(functions, "sortByLength", args -> {
            List<String> list = new ArrayList<>(args.count(1, 1, "sortByLength(list)").strings(0));
            list.sort(Comparator.comparingInt(String::length));
            return list;
        });
        add(functions, "sortKVByLength", args -> {
            List<KvPair> pairs = new ArrayList<>();
            for (Object item : args.count(1, 1, "sortKVByLength(pairs)").list(0)) {
                if (!(item instanceof KvPair pair)) {
                    throw new IllegalArgumentException("argument 1 must be a list of pairs (from gets), found " + item);
                }
                pairs.add(pair);
            }
            pairs.sort(Comparator.comparingInt(p -> p.key().length()));
            return pairs;
        });
        add(functions, "hashToIPv4", args -> RouterIds.hashToIPv4(args.count(1, 1, "hashToIPv4(name)").string(0)));
    }

    private static Map<String, Object> map(Args args) {
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("expects key, value pairs (an even number of arguments), got " + args.size());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            map.put(args.string(i), args.raw(i + 1));
        }
        return map;
    }

    /** Go's {@code strconv.ParseBool}. */
    static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("'" + s + "' is not a boolean (true, false, 1, 0, t, f)");
        };
    }

    /** Go's {@code strconv.Atoi}: an optional sign and decimal digits. */
    static long atoi(String s) {
        if (!s.matches("[+-]?[0-9]+")) {
            throw new IllegalArgumentException("'" + s + "' is not a whole decimal number");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is out of range for a 64-bit integer", e);
        }
    }

    static List<Long> seq(long first, long last) {
        if (last - first > 1_000_000) {
            throw new IllegalArgumentException("seq(" + first + ", " + last + ") is longer than a million numbers");
        }
        List<Long> numbers = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    private static ConfdFunction arithmetic(String name, LongBinaryOperator op) {
        return args -> {
            args.count(2, 2, name + "(a, b)");
            try {
                return op.applyAsLong(args.integer(0), args.integer(1));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }

    private static long nonZero(long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        return divisor;
    }

    private static void add(Map<String, NamedMethod> functions, String name, ConfdFunction function) {
        functions.put(name, new NamedMethod(name, function));
    }
}
