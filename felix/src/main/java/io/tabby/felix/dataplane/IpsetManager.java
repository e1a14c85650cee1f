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
 * resync; in between, what was written is trusted.
 */
final class IpsetManager {
    private static final Logger LOG = LogManager.getLogger(IpsetManager.class);
    private static final int MAX_SIZE = 1048576;

    private final IpsetOps ops;
    private final NetNs ns;
    private Map<String, FamilySet> desired = Map.of();
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

    /** The sets by id. */
    void setDesired(Map<String, IpSetUpdate> sets) {
        Map<String, FamilySet> byName = new HashMap<>();
        Map<String, FamilySet> previous = desired;
        for (IpSetUpdate set : sets.values()) {
            for (IpFamily family : IpFamily.values()) {
                String name = IpSetIds.name(family, set.id());
                FamilySet have = previous.get(name);
                byName.put(name, have != null && have.update() == set ? have
                        : new FamilySet(set, family, membersOf(set, family)));
            }
        }
        desired = byName;
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
            desired.forEach((name, set) -> {
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
            desired.forEach((name, set) -> {
                actual.put(name, set.members());
                written.put(name, set.update());
            });
            written.keySet().retainAll(desired.keySet());
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
            List<String> stale = actual.keySet().stream().filter(name -> !desired.containsKey(name)).sorted().toList();
            StringBuilder text = new StringBuilder();
            stale.forEach(name -> text.append("destroy ").append(name).append('\n'));
            write(text);
            stale.forEach(actual::remove);
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
        for (String name : ops.listNames(ns)) {
            if (name.startsWith(IpSetIds.V4_PREFIX) || name.startsWith(IpSetIds.V6_PREFIX)) {
                actual.put(name, new HashSet<>(ops.members(ns, name)));
            }
        }
    }
}
