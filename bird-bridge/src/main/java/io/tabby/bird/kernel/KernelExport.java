package io.tabby.bird.kernel;

import io.tabby.platform.net.IpPrefix;
import java.util.List;

/**
 * The kernel protocol as the engine sees it: best routes in (after the kernel export filter),
 * learned routes out. One owner thread calls it.
 */
public interface KernelExport {

    /** Makes {@code route} the kernel's route for its destination (adds or replaces). */
    default void install(KernelRoute route) {
        apply(List.of(new KernelChange.Install(route)));
    }

    /** Removes Tabby's route for {@code destination}, if it installed one. */
    default void remove(IpPrefix destination) {
        apply(List.of(new KernelChange.Remove(destination)));
    }

    /** Applies many changes in one kernel batch. */
    void apply(List<KernelChange> changes);

    /**
     * The engine has re-learned everything it will (all peers sent End-of-RIB, or their restart
     * timers ran out): proto-12 routes left over from before the start that nobody re-announced go now.
     */
    void synced();

    /**
     * The {@code scan time} pass: re-installs routes that vanished from the kernel, retries held-back
     * ones, and returns the alien routes to import when {@code learn} is on (empty otherwise).
     */
    List<KernelRoute> scan();

    /** The daemon stops: routes stay with {@code persist}, else Tabby's are removed. */
    void shutdown();

    /** One change for {@link #apply}. */
    sealed interface KernelChange {
        record Install(KernelRoute route) implements KernelChange {
            public Install {
                java.util.Objects.requireNonNull(route, "route is null");
            }
        }

        record Remove(IpPrefix destination) implements KernelChange {
            public Remove {
                java.util.Objects.requireNonNull(destination, "destination is null");
            }
        }
    }
}
