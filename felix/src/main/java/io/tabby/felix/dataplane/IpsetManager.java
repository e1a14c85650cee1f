package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.datastore.model.IpFamily;
import io.tabby.felix.api.IpSetIds;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.firewall.IpsetOps;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The ip sets felix owns: each set id is an IPv4 set ({@code cali40…}, family {@code inet}) with
 * the update's IPv4 members and an IPv6 set ({@code cali60…}, family {@code inet6}) with its IPv6
 * members, as Calico felix keeps one set per family. Additions and member changes are
 * applied before iptables is written, deletions after it (so no rule ever names a missing set),
 * each as one {@code ipset restore}. The kernel is read back on the first apply and on every
 * resync; in between, what was written is trusted, and only the sets named since the last apply
 * ({@link #update}) are compared, so a change to one selector's members costs that set alone.
 */
final class IpsetManager {
    private static final Logger LOG = LogManager.getLogger(IpsetManager.class);
    private static final int MAX_SIZE = 1048576;

    private final IpsetOps ops;
    private final NetNs ns;
    private final Map<String, FamilySet> desired = new HashMap<>();
    /** Kernel names of sets put or dropped since the last apply of updates (resp. removals). */
    private final Set<String> touchedForUpdates = new HashSet<>();
    private final Set<String> touchedForRemovals = new HashSet<>();
    /** The kernel was read back: every set is compared, not only the touched ones. */
    private boolean compareAll;
    /** Kernel name to members, as last read or written; null when it must be read again. */
    private Map<String, Set<String>> actual;
    /** The set updates whose members are in {@code actual}: an identical update needs no diff. */
    private final Map<String, IpSetUpdate> written = new HashMap<>();

    IpsetManager(IpsetOps ops, NetNs ns) {
        this.ops = requireNonNull(ops, "ops is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    /** One family's half of a set update. */
    private record FamilySet(IpSetUpdate update, IpFamily family, Set<String> members) {}

    /** A change to the sets: set id to its new version, or to null when it is no longer wanted. */
    void update(Map<String, IpSetUpdate> changes) {
        changes.forEach((id, set) -> {
            for (IpFamily family : IpFamily.values()) {
                String name = IpSetIds.name(family, id);
                FamilySet have = desired.get(name);
                if (set == null) {
                    if (desired.remove(name) != null) {
                        touch(name);
                    }
                } else if (have == null || have.update() != set) {
                    desired.put(name, new FamilySet(set, family, membersOf(set, family)));
                    touch(name);
                }
            }
        });
    }

    private void touch(String name) {
        touchedForUpdates.add(name);
        touchedForRemovals.add(name);
    }

    private static Set<String> membersOf(IpSetUpdate set, IpFamily family) {
        Set<String> members = new HashSet<>();
        for (String member : set.members()) {
            if (member.contains(":") == (family == IpFamily.V6)) {
                members.add(member);
            }
        }
        return Set.copyOf(members);
    }

    void markResync() {
        actual = null;
    }

    /** Creates missing sets and brings members up to date. */
    void applyUpdates() {
        try {
            if (actual == null) {
                readBack();
            }
            StringBuilder text = new StringBuilder();
            Map<String, FamilySet> compared = new HashMap<>();
            if (compareAll) {
                compared.putAll(desired);
            } else {
                touchedForUpdates.forEach(name -> {
                    FamilySet set = desired.get(name);
                    if (set != null) {
                        compared.put(name, set);
                    }
                });
            }
            compared.forEach((name, set) -> {
                if (written.get(name) == set.update() && actual.containsKey(name)) {
                    return;
                }
                Set<String> have = actual.get(name);
                if (have == null) {
                    text.append("create ").append(name).append(' ').append(set.update().kind().ipsetType())
                            .append(set.family() == IpFamily.V4 ? " family inet" : " family inet6")
                            .append(" maxelem ").append(MAX_SIZE).append('\n');
                    have = Set.of();
                }
                for (String member : set.members()) {
                    if (!have.contains(member)) {
                        text.append("add ").append(name).append(' ').append(member).append('\n');
                    }
                }
                for (String member : have) {
                    if (!set.members().contains(member)) {
                        text.append("del ").append(name).append(' ').append(member).append('\n');
                    }
                }
            });
            write(text);
            compared.forEach((name, set) -> {
                actual.put(name, set.members());
                written.put(name, set.update());
            });
            if (compareAll) {
                written.keySet().retainAll(desired.keySet());
            } else {
                touchedForUpdates.stream().filter(name -> !desired.containsKey(name)).forEach(written::remove);
            }
            touchedForUpdates.clear();
        } catch (RuntimeException e) {
            actual = null;
            throw e;
        }
    }

    /** Destroys owned sets no longer wanted (call after iptables stopped using them). */
    void applyRemovals() {
        try {
            if (actual == null) {
                readBack();
            }
            List<String> stale = (compareAll ? actual.keySet() : touchedForRemovals).stream()
                    .filter(name -> actual.containsKey(name) && !desired.containsKey(name)).sorted().toList();
            StringBuilder text = new StringBuilder();
            stale.forEach(name -> text.append("destroy ").append(name).append('\n'));
            write(text);
            stale.forEach(actual::remove);
            touchedForRemovals.clear();
            compareAll = false;
        } catch (RuntimeException e) {
            actual = null;
            throw e;
        }
    }

    private void write(StringBuilder text) {
        if (!text.isEmpty()) {
            LOG.debug("ipset restore in {}:\n{}", ns, text);
            ops.restore(ns, text.toString());
        }
    }

    private void readBack() {
        actual = new HashMap<>();
        written.clear();
        compareAll = true;
        ops.saveAll(ns).forEach((name, members) -> {
            if (name.startsWith(IpSetIds.V4_PREFIX) || name.startsWith(IpSetIds.V6_PREFIX)) {
                actual.put(name, new HashSet<>(members));
            }
        });
    }
}
