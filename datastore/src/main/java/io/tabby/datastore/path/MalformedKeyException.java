package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Quote;

/**
 * A path that is not a well-formed key of the {@code /calico} layout. The message names the
 * path, what is wrong and the shape that was expected, e.g.
 * {@code "/calico/v1/ipam/v4/pool/10.0.0.0-99": bad CIDR "10.0.0.0/99" in pool key
 * (expected /calico/v1/ipam/v4/pool/<address>-<prefix length>)}.
 */
public final class MalformedKeyException extends RuntimeException {

    private final String path;
    private final String problem;
    private final String expected;

    public MalformedKeyException(String path, String problem, String expected) {
        this(path, problem, expected, null);
    }

    public MalformedKeyException(String path, String problem, String expected, Throwable cause) {
        super(Quote.of(requireNonNull(path, "path is null")) + ": " + requireNonNull(problem, "problem is null")
                + " (expected " + requireNonNull(expected, "expected is null") + ")", cause);
        this.path = path;
        this.problem = problem;
        this.expected = expected;
    }

    /** The path that failed to parse. */
    public String path() {
        return path;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }

    /** The shape that was expected. */
    public String expected() {
        return expected;
    }
}
