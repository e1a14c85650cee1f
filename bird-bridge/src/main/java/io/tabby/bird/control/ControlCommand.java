package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The commands the control socket understands. */
sealed interface ControlCommand {

    /** {@code show protocols [all] [NAME | "PATTERN"]}. */
    record ShowProtocols(boolean all, Optional<String> name, boolean pattern) implements ControlCommand {
        public ShowProtocols {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code show route [all] [for ADDRESS] [protocol NAME] [count]}. */
    record ShowRoute(boolean all, RouteQuery query, boolean count) implements ControlCommand {
        public ShowRoute {
            requireNonNull(query, "query is null");
        }
    }

    record ShowStatus() implements ControlCommand {}

    /** {@code configure [check] ["FILE"]}. */
    record Configure(boolean check, Optional<String> file) implements ControlCommand {
        public Configure {
            requireNonNull(file, "file is null");
        }
    }

    /** {@code enable|disable|restart NAME | "PATTERN" | all}. */
    record Toggle(Action action, String target, boolean pattern) implements ControlCommand {
        public Toggle {
            requireNonNull(action, "action is null");
            requireNonNull(target, "target is null");
        }
    }

    enum Action { ENABLE, DISABLE, RESTART }

    record Down() implements ControlCommand {}

    /** A line that is not a command; the reply is {@code code text}. */
    record Invalid(int code, String message) implements ControlCommand {
        public Invalid {
            requireNonNull(message, "message is null");
        }
    }
}
