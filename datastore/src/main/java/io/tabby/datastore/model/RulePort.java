package io.tabby.datastore.model;

/**
 * One entry of a rule's port list: a single port (JSON number {@code 80}), a range (JSON
 * string {@code "8000:8080"}) or a named port (JSON string {@code "http"}).
 *
 * @param min first port, 0-65535 (0 for a named port)
 * @param max last port, {@code >= min} (0 for a named port)
 * @param name the port name, or null for a numeric port or range
 */
public record RulePort(int min, int max, String name) {

    public RulePort {
        if (name != null) {
            if (name.isEmpty() || min != 0 || max != 0) {
                throw new IllegalArgumentException("a named port has a non-empty name and no numbers");
            }
        } else if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException(
                    "bad port range " + min + ":" + max + " (expected 0 <= min <= max <= 65535)");
        }
    }

    public static RulePort single(int port) {
        return new RulePort(port, port, null);
    }

    public static RulePort range(int min, int max) {
        return new RulePort(min, max, null);
    }

    public static RulePort named(String name) {
        return new RulePort(0, 0, name);
    }

    @Override
    public String toString() {
        if (name != null) {
            return name;
        }
        return min == max ? Integer.toString(min) : min + ":" + max;
    }
}
