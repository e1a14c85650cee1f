package io.tabby.bird.daemon;

import io.tabby.platform.net.IpPrefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's master table as the kernel protocol needs it: per network the best BGP route and the
 * routes of the static and direct protocols and of the kernel itself. Owned by the kernel thread.
 */
final class RouteTable {

    private final Map<IpPrefix, Candidate> bgp = new HashMap<>();
    private final Map<IpPrefix, Candidate> statics = new LinkedHashMap<>();
    private final Map<IpPrefix, Candidate> direct = new LinkedHashMap<>();
    private final Map<IpPrefix, Candidate> learned = new LinkedHashMap<>();

    void putBgp(IpPrefix prefix, Optional<Candidate> best) {
        best.ifPresentOrElse(c -> bgp.put(prefix, c), () -> bgp.remove(prefix));
    }

    /** Replaces the static routes; the networks whose route changed. */
    Set<IpPrefix> replaceStatics(Map<IpPrefix, Candidate> next) {
        return replace(statics, next);
    }

    Set<IpPrefix> replaceDirect(Map<IpPrefix, Candidate> next) {
        return replace(direct, next);
    }

    Set<IpPrefix> replaceLearned(Map<IpPrefix, Candidate> next) {
        return replace(learned, next);
    }

    /** Every route to {@code prefix}, from any protocol. */
    List<Candidate> candidates(IpPrefix prefix) {
        List<Candidate> out = new ArrayList<>(4);
        for (Map<IpPrefix, Candidate> table : List.of(bgp, statics, direct, learned)) {
            Candidate c = table.get(prefix);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every network some protocol has a route to. */
    Set<IpPrefix> prefixes() {
        Set<IpPrefix> all = new LinkedHashSet<>();
        for (Map<IpPrefix, Candidate> table : List.of(bgp, statics, direct, learned)) {
            all.addAll(table.keySet());
        }
        return all;
    }

    TableSnapshot snapshot(int exported) {
        return new TableSnapshot(List.copyOf(statics.values()), List.copyOf(direct.values()),
                List.copyOf(learned.values()), exported);
    }

    private static Set<IpPrefix> replace(Map<IpPrefix, Candidate> table, Map<IpPrefix, Candidate> next) {
        Set<IpPrefix> changed = new LinkedHashSet<>();
        table.forEach((prefix, old) -> {
            if (!old.equals(next.get(prefix))) {
                changed.add(prefix);
            }
        });
        next.keySet().stream().filter(p -> !table.containsKey(p)).forEach(changed::add);
        table.clear();
        table.putAll(next);
        return changed;
    }
}
