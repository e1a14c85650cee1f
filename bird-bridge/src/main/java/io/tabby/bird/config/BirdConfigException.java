package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

/**
 * A configuration BIRD-on-Tabby refuses: outside the supported subset, malformed, or referring to
 * something undefined. The message is {@code file:line:col: what is wrong}.
 */
public final class BirdConfigException extends Exception {

    private final SourcePosition position;
    private final String detail;

    public BirdConfigException(SourcePosition position, String detail) {
        super(requireNonNull(position, "position is null") + ": " + requireNonNull(detail, "detail is null"));
        this.position = position;
        this.detail = detail;
    }

    /** Where the problem is. */
    public SourcePosition position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String detail() {
        return detail;
    }
}
