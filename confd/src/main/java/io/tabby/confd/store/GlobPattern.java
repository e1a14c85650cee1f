package io.tabby.confd.store;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A shell pattern with Go's {@code path.Match} rules, which memkv's {@code gets}/{@code getvs} use:
 * {@code *} is any run of non-slash characters, {@code ?} one non-slash character, {@code [...]} a
 * character class ({@code ^} negates, {@code a-z} ranges), {@code \} escapes. A malformed pattern is
 * rejected, as Go returns {@code ErrBadPattern}.
 */
public final class GlobPattern {
    private final String pattern;
    private final Pattern regex;

    private GlobPattern(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException when the pattern is malformed */
    public static GlobPattern compile(String pattern) {
        requireNonNull(pattern, "pattern is null");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> { out.append("[^/]*"); i++; }
                case '?' -> { out.append("[^/]"); i++; }
                case '\\' -> {
                    if (i + 1 >= pattern.length()) {
                        throw bad(pattern, "ends with a lone backslash");
                    }
                    out.append(Pattern.quote(String.valueOf(pattern.charAt(i + 1))));
                    i += 2;
                }
                case '[' -> i = appendClass(pattern, i, out);
                default -> { out.append(Pattern.quote(String.valueOf(c))); i++; }
            }
        }
        return new GlobPattern(pattern, Pattern.compile(out.toString(), Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** Translates the class starting at {@code start} ('['); returns the index after its ']'. */
    private static int appendClass(String pattern, int start, StringBuilder out) {
        int i = start + 1;
        boolean negated = i < pattern.length() && pattern.charAt(i) == '^';
        if (negated) {
            i++;
        }
        StringBuilder set = new StringBuilder();
        while (true) {
            if (i >= pattern.length()) {
                throw bad(pattern, "has an unclosed '['");
            }
            if (pattern.charAt(i) == ']' && !set.isEmpty()) {
                i++;
                break;
            }
            int[] lo = classChar(pattern, i);
            i = lo[1];
            set.append(escapeInClass(lo[0]));
            if (i < pattern.length() && pattern.charAt(i) == '-') {
                int[] hi = classChar(pattern, i + 1);
                if (hi[0] < lo[0]) {
                    throw bad(pattern, "has a backwards range");
                }
                set.append('-').append(escapeInClass(hi[0]));
                i = hi[1];
            }
        }
        // a class never matches '/', negated or not
        out.append("(?!/)").append(negated ? "[^" : "[").append(set).append(']');
        return i;
    }

    /** One (possibly escaped) character inside a class: {code point, next index}. */
    private static int[] classChar(String pattern, int i) {
        if (i >= pattern.length()) {
            throw bad(pattern, "has an unclosed '['");
        }
        char c = pattern.charAt(i);
        if (c == '\\') {
            if (i + 1 >= pattern.length()) {
                throw bad(pattern, "ends with a lone backslash");
            }
            return new int[] {pattern.charAt(i + 1), i + 2};
        }
        if (c == '-' || c == ']') {
            throw bad(pattern, "has a '" + c + "' where a character is expected in '[...]'");
        }
        return new int[] {c, i + 1};
    }

    private static String escapeInClass(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    private static IllegalArgumentException bad(String pattern, String what) {
        return new IllegalArgumentException("glob pattern '" + pattern + "' " + what + " (Go path.Match syntax)");
    }
}
