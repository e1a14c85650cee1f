package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How resources are processed, from confd's flags.
 *
 * @param noop render and check, never swap or reload ({@code -noop})
 * @param syncOnly swap without running check or reload commands ({@code -sync-only})
 * @param keepStageFile keep stage files ({@code -keep-stage-file}; a resource may also ask for it)
 * @param commandTimeout how long a check or reload command may run before it is killed
 */
public record ProcessSettings(boolean noop, boolean syncOnly, boolean keepStageFile, Duration commandTimeout) {

    public static final ProcessSettings DEFAULTS = new ProcessSettings(false, false, false, Duration.ofSeconds(60));

    public ProcessSettings {
        requireNonNull(commandTimeout, "commandTimeout is null");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive, got " + commandTimeout);
        }
    }
}
