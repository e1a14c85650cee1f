package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

/** What a protocol's {@code import} or {@code export} lets through. */
public sealed interface RoutePolicy {

    /** {@code all}. */
    record All() implements RoutePolicy {}

    /** {@code none}. */
    record None() implements RoutePolicy {}

    /** {@code filter NAME}: a filter defined earlier in the configuration. */
    record Named(String filter) implements RoutePolicy {
        public Named {
            requireNonNull(filter, "filter is null");
        }
    }

    /** {@code where EXPR}: accept the routes the expression is true for. */
    record Where(FilterExpr condition) implements RoutePolicy {
        public Where {
            requireNonNull(condition, "condition is null");
        }
    }
}
