package io.tabby.bird.speaker;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.FilterDefinition;
import io.tabby.bird.config.FilterStatement;
import io.tabby.bird.config.RoutePolicy;
import io.tabby.bird.config.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reconfiguration changes for one {@code protocol bgp} that exists before and after: nothing
 * (the session stays up), its policies only (the session stays up: a new export policy is
 * re-evaluated against what we have, a new import policy is applied to the peer's routes sent again
 * after a ROUTE-REFRESH), or anything else, which restarts the session. Where a protocol was written in the file, its description and debug switches do not
 * count. A policy is compared by what it means: a named filter by its body and by every function
 * of the configuration (filters call them: {@code calico_aggr()}), not by its name.
 */
final class ProtocolDiff {
    private static final SourcePosition ANYWHERE = new SourcePosition("-", 1, 1);

    /** What changed; {@code restart} overrides the rest. */
    record Change(boolean restart, boolean importChanged, boolean exportChanged) {
        static final Change UNCHANGED = new Change(false, false, false);
        static final Change RESTART = new Change(true, false, false);

        boolean unchanged() {
            return !restart && !importChanged && !exportChanged;
        }
    }

    private ProtocolDiff() {
    }

    static Change of(BirdConfig oldConfig, BgpProtocol old, BirdConfig newConfig, BgpProtocol next) {
        if (!sessionPart(old).equals(sessionPart(next))) {
            return Change.RESTART;
        }
        return new Change(false,
                !meaning(oldConfig, old.importPolicy()).equals(meaning(newConfig, next.importPolicy())),
                !meaning(oldConfig, old.exportPolicy()).equals(meaning(newConfig, next.exportPolicy())));
    }

    /** The protocol with what does not touch the session blanked out. */
    private static BgpProtocol sessionPart(BgpProtocol p) {
        RoutePolicy all = new RoutePolicy.All();
        return new BgpProtocol(p.name(), ANYWHERE, Optional.empty(), Set.of(), p.template(), p.localAddress(),
                p.localAs(), p.neighbor(), p.neighborPort(), p.neighborAs(), p.multihop(), p.gatewayRecursive(), all, all,
                p.nextHop(), p.addPaths(), p.gracefulRestart(), p.gracefulRestartTimeSeconds(), p.connectDelaySeconds(),
                p.connectRetrySeconds(), p.errorWaitMinSeconds(), p.errorWaitMaxSeconds(), p.holdTimeSeconds(),
                p.keepaliveTimeSeconds(), p.passive(), p.password(), p.sourceAddress(), p.rrClient(), p.rrClusterId());
    }

    /** A policy as a comparable value: the policy, the filter body it names, and every function. */
    private static List<Object> meaning(BirdConfig config, RoutePolicy policy) {
        return switch (policy) {
            case RoutePolicy.All all -> List.of(all);
            case RoutePolicy.None none -> List.of(none);
            case RoutePolicy.Named named -> List.of(body(config.filters().get(named.filter())), functions(config));
            case RoutePolicy.Where where -> List.of(where, functions(config));
        };
    }

    private static Object body(FilterDefinition filter) {
        return filter == null ? List.of() : filter.body();
    }

    private static Map<String, List<FilterStatement>> functions(BirdConfig config) {
        Map<String, List<FilterStatement>> bodies = new LinkedHashMap<>();
        config.functions().forEach((name, function) -> bodies.put(name, function.body()));
        return bodies;
    }
}
