package io.tabby.confd.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Slash-separated paths with the semantics of Go's {@code path} package, which confd applies to
 * keys ({@code path.Join} of prefix and key) and exposes to templates ({@code base}, {@code dir}).
 */
public final class SlashPath {
    private SlashPath() {}

    /** Go's {@code path.Clean}: one slash between elements, no trailing slash, {@code .} and {@code ..} resolved. */
    public static String clean(String path) {
        requireNonNull(path, "path is null");
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(element);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's {@code path.Join}: the non-empty elements joined with slashes, then cleaned; "" if all are empty. */
    public static String join(String... elements) {
        List<String> nonEmpty = new ArrayList<>();
        for (String element : elements) {
            if (!requireNonNull(element, "a path element is null").isEmpty()) {
                nonEmpty.add(element);
            }
        }
        return nonEmpty.isEmpty() ? "" : clean(String.join("/", nonEmpty));
    }

    /** Go's {@code path.Base}: the last element; {@code .} for "", {@code /} for only slashes. */
    public static String base(String path) {
        requireNonNull(path, "path is null");
        if (path.isEmpty()) {
            return ".";
        }
        String trimmed = stripTrailingSlashes(path);
        if (trimmed.isEmpty()) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Go's {@code path.Dir}: everything but the last element, cleaned. */
    public static String dir(String path) {
        requireNonNull(path, "path is null");
        int slash = path.lastIndexOf('/');
        return clean(path.substring(0, slash + 1));
    }

    /** The non-empty elements of a path, as memkv's {@code pathToTerms}. */
    static List<String> terms(String path) {
        List<String> terms = new ArrayList<>();
        for (String element : path.split("/")) {
            if (!element.isEmpty()) {
                terms.add(element);
            }
        }
        return terms;
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
