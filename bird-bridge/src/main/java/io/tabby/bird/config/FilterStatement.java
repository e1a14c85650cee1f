package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A statement of BIRD's filter language, as far as the templates use it. */
public sealed interface FilterStatement {

    /** {@code accept ["reason"];}. */
    record Accept(Optional<String> reason) implements FilterStatement {
        public Accept {
            requireNonNull(reason, "reason is null");
        }
    }

    /** {@code reject ["reason"];}. */
    record Reject(Optional<String> reason) implements FilterStatement {
        public Reject {
            requireNonNull(reason, "reason is null");
        }
    }

    /** {@code return [value];}. */
    record Return(Optional<FilterExpr> value) implements FilterStatement {
        public Return {
            requireNonNull(value, "value is null");
        }
    }

    /** {@code if condition then ... [else ...]}; a branch is one statement or a block. */
    record If(FilterExpr condition, List<FilterStatement> then, List<FilterStatement> otherwise)
            implements FilterStatement {
        public If {
            requireNonNull(condition, "condition is null");
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code name();} — a function called for its effect (it may accept or reject). */
    record CallFunction(String function) implements FilterStatement {
        public CallFunction {
            requireNonNull(function, "function is null");
        }
    }

    /** {@code bgp_local_pref = 200;} and the like. */
    record Assign(String attribute, FilterExpr value) implements FilterStatement {
        public Assign {
            requireNonNull(attribute, "attribute is null");
            requireNonNull(value, "value is null");
        }
    }
}
