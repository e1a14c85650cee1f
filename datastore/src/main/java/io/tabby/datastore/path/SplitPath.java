package io.tabby.datastore.path;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Quote;

/**
 * A path cut at its slashes, with typed readers for its segments that fail with a
 * {@link MalformedKeyException} naming the path, the problem and the expected shape. Index 0
 * is {@code calico}.
 */
final class SplitPath {

    static final String ANY_KEY = "a key under /calico/v1, /calico/bgp/v1, /calico/ipam/v2, /calico/felix/v1 "
            + "or /calico/resources/v3/projectcalico.org";

    private final String path;
    private final String[] segments;

    private SplitPath(String path, String[] segments) {
        this.path = path;
        this.segments = segments;
    }

    /** Splits {@code path}, refusing anything outside {@code /calico/} and empty or relative segments. */
    static SplitPath of(String path) {
        if (!path.startsWith("/calico/")) {
            throw new MalformedKeyException(path, "not under /calico/", ANY_KEY);
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new MalformedKeyException(path, "empty path segment", ANY_KEY);
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new MalformedKeyException(path, "relative path segment " + Quote.of(segment), ANY_KEY);
            }
        }
        return new SplitPath(path, segments);
    }

    String path() {
        return path;
    }

    int size() {
        return segments.length;
    }

    /** Segment {@code i}, or null past the end. */
    String at(int i) {
        return i < segments.length ? segments[i] : null;
    }

    /** Fails unless the path has exactly {@code size} segments. */
    void requireSize(int size, Shape shape) {
        if (segments.length < size) {
            throw incomplete(shape);
        }
        if (segments.length > size) {
            throw new MalformedKeyException(path,
                    "unexpected " + Quote.of(segments[size]) + " after the " + shape.family() + " key",
                    shape.expected());
        }
    }

    String plain(int i, String what, Shape shape) {
        String value = segments[i];
        String problem = Segments.plainProblem(value);
        if (problem != null) {
            throw fail(shape, what + " " + Quote.of(value) + " " + problem);
        }
        return value;
    }

    String text(int i, String what, Shape shape) {
        String value;
        try {
            value = Segments.unescape(segments[i]);
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyException(path,
                    e.getMessage() + " in " + what + " " + Quote.of(segments[i]) + " of " + shape.family() + " key",
                    shape.expected() + ", with '%' written as %25 and '/' as %2f", e);
        }
        String problem = Segments.textProblem(value);
        if (problem != null) {
            throw fail(shape, what + " " + Quote.of(value) + " " + problem);
        }
        return value;
    }

    /** A CIDR segment ({@code 10.0.0.0-26}) of {@code family}, in canonical form. */
    Cidr cidr(int i, IpFamily family, Shape shape) {
        String segment = segments[i];
        String text = segment.replaceFirst("-", "/");
        Cidr cidr;
        try {
            cidr = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(shape, "bad CIDR " + Quote.of(text), e);
        }
        if (cidr.family() != family) {
            throw fail(shape, cidr.family() + " CIDR " + Quote.of(text) + " under " + family.shortName());
        }
        if (!cidr.keySegment().equals(segment)) {
            throw fail(shape, "CIDR " + Quote.of(text) + " is not in canonical form (" + cidr.keySegment() + ")");
        }
        return cidr;
    }

    /** An address segment of {@code family}, in canonical form. */
    IpAddr ip(int i, IpFamily family, Shape shape) {
        String segment = segments[i];
        IpAddr ip;
        try {
            ip = IpAddr.parse(segment);
        } catch (IllegalArgumentException e) {
            throw fail(shape, "bad IP address " + Quote.of(segment), e);
        }
        if (ip.family() != family) {
            throw fail(shape, ip.family() + " address " + Quote.of(segment) + " under " + family.shortName());
        }
        if (!ip.toString().equals(segment)) {
            throw fail(shape, "IP address " + Quote.of(segment) + " is not in canonical form (" + ip + ")");
        }
        return ip;
    }

    /** A {@code v4}/{@code v6} segment, or, with {@code prefix}, {@code <prefix>v4}/{@code <prefix>v6}. */
    IpFamily shortFamily(int i, String prefix, Shape shape) {
        String segment = segments[i];
        IpFamily family =
                segment.startsWith(prefix) ? IpFamily.fromShortName(segment.substring(prefix.length())) : null;
        if (family == null) {
            throw fail(shape, "unknown address family " + Quote.of(segment)
                    + " (not " + prefix + "v4 or " + prefix + "v6)");
        }
        return family;
    }

    /** An {@code ipv4}/{@code ipv6} segment. */
    IpFamily ipamFamily(int i, Shape shape) {
        IpFamily family = IpFamily.fromIpamName(segments[i]);
        if (family == null) {
            throw fail(shape, "unknown address family " + Quote.of(segments[i]) + " (not ipv4 or ipv6)");
        }
        return family;
    }

    /** Fails unless segment {@code i} is {@code literal}. */
    void literal(int i, String literal, Shape shape) {
        if (segments.length <= i) {
            throw incomplete(shape);
        }
        if (!segments[i].equals(literal)) {
            throw fail(shape, Quote.of(segments[i]) + " where " + Quote.of(literal) + " belongs");
        }
    }

    /** The path stops before the key is complete. */
    MalformedKeyException incomplete(Shape shape) {
        return new MalformedKeyException(path, "incomplete " + shape.family() + " key", shape.expected());
    }

    MalformedKeyException fail(Shape shape, String problem) {
        return fail(shape, problem, null);
    }

    MalformedKeyException fail(Shape shape, String problem, Throwable cause) {
        return new MalformedKeyException(path, problem + " in " + shape.family() + " key", shape.expected(), cause);
    }

    /** A path that matches no family under a known subtree. */
    MalformedKeyException unknown(String problem, String expected) {
        return new MalformedKeyException(path, problem, expected);
    }
}
