package io.tabby.felix.calc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded label sets and selector texts over small pools of keys and values, so that generated
 * selectors match generated label sets often, for the index equivalence tests.
 */
final class RandomLabels {
    private static final List<String> KEYS = List.of("app", "env", "role", "projectcalico.org/namespace");
    private static final List<String> VALUES = List.of("a", "b", "c", "d");

    private final Random random;

    RandomLabels(long seed) {
        this.random = new Random(seed);
    }

    Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (String key : KEYS) {
            if (random.nextInt(5) > 0) {
                labels.put(key, value());
            }
        }
        return labels;
    }

    /** A selector text up to {@code depth} operators deep. */
    String selector(int depth) {
        int choice = depth > 0 && random.nextBoolean() ? 7 + random.nextInt(3) : random.nextInt(7);
        return switch (choice) {
            case 0 -> "all()";
            case 1 -> "has(" + key() + ")";
            case 2, 3 -> key() + " == '" + value() + "'";
            case 4 -> key() + " != '" + value() + "'";
            case 5 -> key() + " in {'" + value() + "', '" + value() + "'}";
            case 6 -> key() + " not in {'" + value() + "'}";
            case 7 -> "!(" + selector(depth - 1) + ")";
            case 8 -> "(" + selector(depth - 1) + ") && (" + selector(depth - 1) + ")";
            default -> "(" + selector(depth - 1) + ") || (" + selector(depth - 1) + ")";
        };
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String key() {
        return KEYS.get(random.nextInt(KEYS.size()));
    }

    private String value() {
        return VALUES.get(random.nextInt(VALUES.size()));
    }
}
