package io.tabby.bench.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One pod ADD's milestones, each measured from the start of the ADD: the plugin returned; the
 * block's affinity first appeared in etcd; confd wrote bird_aggr.cfg (the stage file's mtime, so
 * before check_cmd); confd installed it (the rename, the file's ctime, after check_cmd and before
 * reload_cmd); the block was on every simulated node. The file times come from the kernel's coarse
 * clock (a few ms).
 */
record AddTiming(Duration cniReturned, Duration affinity, Duration rendered, Duration installed, Duration everywhere) {

    AddTiming {
        requireNonNull(cniReturned, "cniReturned is null");
        requireNonNull(affinity, "affinity is null");
        requireNonNull(rendered, "rendered is null");
        requireNonNull(installed, "installed is null");
        requireNonNull(everywhere, "everywhere is null");
    }

    /** A clock reading as a duration since the start, never negative (the file times are coarse). */
    static Duration since(long startNanos, long atNanos) {
        return Duration.ofNanos(Math.max(0, atNanos - startNanos));
    }

    static List<Duration> each(List<AddTiming> timings, Function<AddTiming, Duration> milestone) {
        return timings.stream().map(milestone).toList();
    }
}
