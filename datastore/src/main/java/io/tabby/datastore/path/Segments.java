package io.tabby.datastore.path;

import io.tabby.datastore.model.Quote;

/**
 * The two kinds of key segment. A plain segment (node name, config name, tier, custom
 * filter name, resource name) is stored as is and so may not contain {@code /}. A free-text
 * segment (orchestrator, workload, endpoint, profile, policy, handle id) is escaped the way
 * libcalico-go escapes it: {@code %} becomes {@code %25} first, then {@code /} becomes
 * {@code %2f}.
 */
final class Segments {

    private Segments() {}

    /** Why {@code value} cannot be a plain segment, or null when it can. */
    static String plainProblem(String value) {
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.equals(".") || value.equals("..")) {
            return "is " + Quote.of(value);
        }
        if (value.indexOf('/') >= 0) {
            return "contains '/'";
        }
        return controlProblem(value);
    }

    /** Why {@code value} cannot be a free-text name, or null when it can. */
    static String textProblem(String value) {
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.equals(".") || value.equals("..")) {
            // Escaping leaves these alone, and a path segment "." or ".." is refused on parse.
            return "is " + Quote.of(value);
        }
        return controlProblem(value);
    }

    /** Validates a plain segment for a key constructor. */
    static String requirePlain(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        String problem = plainProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + Quote.of(value) + " " + problem);
        }
        return value;
    }

    /** Validates a free-text name for a key constructor. */
    static String requireText(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        String problem = textProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + Quote.of(value) + " " + problem);
        }
        return value;
    }

    static String escape(String name) {
        return name.replace("%", "%25").replace("/", "%2f");
    }

    /**
     * Reverses {@link #escape(String)}, accepting {@code %2F} as well.
     *
     * @throws IllegalArgumentException for a {@code %} that starts no known escape
     */
    static String unescape(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            String escape = segment.substring(i, Math.min(i + 3, segment.length()));
            switch (escape) {
                case "%25" -> out.append('%');
                case "%2f", "%2F" -> out.append('/');
                default -> throw new IllegalArgumentException("bad escape " + Quote.of(escape));
            }
            i += 2;
        }
        return out.toString();
    }

    private static String controlProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        return null;
    }
}
