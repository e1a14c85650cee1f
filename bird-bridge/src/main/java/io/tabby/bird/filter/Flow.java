package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** How running a statement ended: carry on, leave the function, or decide the whole filter. */
sealed interface Flow {

    record Next() implements Flow {
        static final Next INSTANCE = new Next();
    }

    record Return(Optional<FilterValue> value) implements Flow {
        public Return {
            requireNonNull(value, "value is null");
        }
    }

    /** {@code accept} or {@code reject}: ends the filter, from whatever function depth. */
    record Decide(boolean accept, Optional<String> reason) implements Flow {
        public Decide {
            requireNonNull(reason, "reason is null");
        }
    }
}
