package io.tabby.datastore.codec;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Quote;

/**
 * A stored value that is not what its key's family holds: not JSON, a field of the wrong type,
 * a bad address. The message names the key's path, the field (as a path such as
 * {@code inbound_rules[0].src_net}) and what is wrong.
 */
public final class MalformedValueException extends RuntimeException {

    private final String path;
    private final String field;
    private final String problem;

    /**
     * @param path the key's etcd path
     * @param field the offending field, or null when the whole value is at fault
     * @param problem what is wrong
     * @param cause the underlying failure, or null
     */
    public MalformedValueException(String path, String field, String problem, Throwable cause) {
        super(Quote.of(requireNonNull(path, "path is null")) + ": "
                + (field == null ? "" : "field " + Quote.of(field) + " ")
                + requireNonNull(problem, "problem is null"), cause);
        this.path = path;
        this.field = field;
        this.problem = problem;
    }

    /** The etcd path of the key whose value is malformed. */
    public String path() {
        return path;
    }

    /** The offending field, or null when the whole value is at fault. */
    public String field() {
        return field;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }
}
