package io.tabby.confd;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.processor.DebounceSettings;
import io.tabby.confd.processor.ProcessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a confd run is configured with (etcd connection aside).
 *
 * @param confdir holds {@code conf.d/*.toml} and {@code templates/}
 * @param mode one-time, watch or interval
 * @param interval the polling period in interval mode
 * @param prefix the global {@code -prefix}, replacing each resource's own
 * @param process noop, sync-only, keep-stage-file, command timeout
 * @param debounce pacing of watch mode
 * @param syncTimeout how long {@code -onetime} waits to read etcd before giving up
 */
public record ConfdSettings(
        Path confdir,
        RunMode mode,
        Duration interval,
        Optional<String> prefix,
        ProcessSettings process,
        DebounceSettings debounce,
        Duration syncTimeout) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(600);
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(30);

    public ConfdSettings {
        requireNonNull(confdir, "confdir is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(process, "process is null");
        requireNonNull(debounce, "debounce is null");
        requireNonNull(syncTimeout, "syncTimeout is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("-interval must be positive, got " + interval.toSeconds() + "s");
        }
    }

    /** Defaults for {@code mode} on {@code confdir}. */
    public static ConfdSettings of(Path confdir, RunMode mode) {
        return new ConfdSettings(confdir, mode, DEFAULT_INTERVAL, Optional.empty(), ProcessSettings.DEFAULTS,
                DebounceSettings.DEFAULTS, DEFAULT_SYNC_TIMEOUT);
    }

    public ConfdSettings withProcess(ProcessSettings newProcess) {
        return new ConfdSettings(confdir, mode, interval, prefix, newProcess, debounce, syncTimeout);
    }

    public ConfdSettings withDebounce(DebounceSettings newDebounce) {
        return new ConfdSettings(confdir, mode, interval, prefix, process, newDebounce, syncTimeout);
    }

    public ConfdSettings withPrefix(String newPrefix) {
        return new ConfdSettings(confdir, mode, interval, Optional.of(newPrefix), process, debounce, syncTimeout);
    }

    public ConfdSettings withInterval(Duration newInterval) {
        return new ConfdSettings(confdir, mode, newInterval, prefix, process, debounce, syncTimeout);
    }
}
