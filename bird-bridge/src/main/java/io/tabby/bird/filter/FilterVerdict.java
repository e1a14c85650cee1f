package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

/** What a filter decided about one route. */
public sealed interface FilterVerdict {

    /** The route passes, with the attributes the filter set. */
    record Accepted(FilterRoute route) implements FilterVerdict {
        public Accepted {
            requireNonNull(route, "route is null");
        }
    }

    /**
     * The route is stopped: by {@code reject}, by {@code none}, by a false {@code where}, or by a
     * runtime error (then {@code error} is true and the reason says what went wrong, as BIRD logs it).
     */
    record Rejected(String reason, boolean error) implements FilterVerdict {
        public Rejected {
            requireNonNull(reason, "reason is null");
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
