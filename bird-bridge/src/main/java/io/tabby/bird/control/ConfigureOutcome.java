package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

/** The result of {@code configure} or {@code configure check}. */
public sealed interface ConfigureOutcome {

    /** The file that was read, for the {@code Reading configuration from ...} line. */
    String file();

    /** {@code configure check}: the file parses. */
    record CheckedOk(String file) implements ConfigureOutcome {
        public CheckedOk {
            requireNonNull(file, "file is null");
        }
    }

    /** The new configuration is in force. */
    record Reconfigured(String file) implements ConfigureOutcome {
        public Reconfigured {
            requireNonNull(file, "file is null");
        }
    }

    /** Accepted; protocols are still being restarted. */
    record InProgress(String file) implements ConfigureOutcome {
        public InProgress {
            requireNonNull(file, "file is null");
        }
    }

    /**
     * Refused; the running configuration is unchanged.
     *
     * @param message what is wrong and where, e.g. {@code /etc/bird.cfg:12:3: unknown option 'foo'}
     */
    record Failed(String file, String message) implements ConfigureOutcome {
        public Failed {
            requireNonNull(file, "file is null");
            requireNonNull(message, "message is null");
        }
    }
}
