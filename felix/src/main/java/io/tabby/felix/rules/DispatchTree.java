package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One dispatch tree ({@code cali-from-wl-dispatch} or {@code cali-to-wl-dispatch}, as
 * {@link DispatchChains} lays it out), kept up to date one interface at a time: adding or removing
 * an interface recomputes only the chains on that interface's path from the root (each from a few
 * look-ups in the sorted interface names), plus the subtree of a chain that splits or stops
 * splitting (at most {@value DispatchChains#LEAF_SIZE} + 1 interfaces). When the interfaces' common
 * prefix changes, which renames the whole tree, it is rebuilt. Not thread-safe.
 */
public final class DispatchTree {
    private final String root;
    private final String flag;
    private final boolean from;
    private final TreeSet<String> ifaces = new TreeSet<>();
    /** The chains of the tree by name. */
    private final TreeMap<String, Chain> chains = new TreeMap<>();
    private String common = "";

    /**
     * What an update changed.
     *
     * @param put chains that are new or changed
     * @param dropped names of chains no longer in the tree
     */
    public record Delta(List<Chain> put, List<String> dropped) {
        public Delta {
            put = List.copyOf(requireNonNull(put, "put is null"));
            dropped = List.copyOf(requireNonNull(dropped, "dropped is null"));
        }
    }

    private DispatchTree(String root, String flag, boolean from) {
        this.root = root;
        this.flag = flag;
        this.from = from;
        chains.put(root, DispatchChains.of(root, flag, List.of(), from).getFirst());
    }

    /** The tree that sends traffic from workloads ({@code -i}) to their {@code cali-fw-} chains. */
    public static DispatchTree fromWorkloads() {
        return new DispatchTree(ChainNames.FROM_WL_DISPATCH, "-i", true);
    }

    /** The tree that sends traffic to workloads ({@code -o}) to their {@code cali-tw-} chains. */
    public static DispatchTree toWorkloads() {
        return new DispatchTree(ChainNames.TO_WL_DISPATCH, "-o", false);
    }

    /** Every chain of the tree, in the order {@link DispatchChains#of} lists them. */
    public List<Chain> chains() {
        return DispatchChains.of(root, flag, List.copyOf(ifaces), from);
    }

    /** The chains of the tree by name (a copy). */
    public Map<String, Chain> chainsByName() {
        return new HashMap<>(chains);
    }

    /** Adds and removes interfaces (either may name ones already in or out); returns the chains that changed. */
    public Delta update(Collection<String> added, Collection<String> removed) {
        Set<String> changed = new TreeSet<>();
        removed.forEach(name -> {
            if (ifaces.remove(name)) {
                changed.add(name);
            }
        });
        added.forEach(name -> {
            if (ifaces.add(name)) {
                changed.add(name);
            }
        });
        if (changed.isEmpty()) {
            return new Delta(List.of(), List.of());
        }
        String newCommon = ifaces.isEmpty() ? "" : DispatchChains.commonPrefix(ifaces.first(), ifaces.last());
        Map<String, Chain> put = new TreeMap<>();
        Set<String> dropped = new TreeSet<>();
        if (!newCommon.equals(common)) {
            common = newCommon;
            Map<String, Chain> fresh = new HashMap<>();
            DispatchChains.of(root, flag, List.copyOf(ifaces), from).forEach(c -> fresh.put(c.name(), c));
            chains.keySet().stream().filter(name -> !fresh.containsKey(name)).forEach(dropped::add);
            fresh.forEach((name, chain) -> {
                if (!chain.equals(chains.get(name))) {
                    put.put(name, chain);
                }
            });
        } else {
            // Prefixes of the changed names, shortest first: a parent's shape decides its children's existence.
            TreeMap<Integer, Set<String>> byLength = new TreeMap<>();
            for (String name : changed) {
                for (int len = common.length(); len <= name.length(); len++) {
                    byLength.computeIfAbsent(len, l -> new TreeSet<>()).add(name.substring(0, len));
                }
            }
            Set<String> affected = new TreeSet<>();
            byLength.values().forEach(affected::addAll);
            Map<String, Boolean> exists = new HashMap<>();
            for (Set<String> prefixes : byLength.values()) {
                for (String prefix : prefixes) {
                    boolean here = prefix.equals(common) || (exists.getOrDefault(parent(prefix), false)
                            && split(parent(prefix)) && atLeast(prefix, 2));
                    exists.put(prefix, here);
                    String name = name(prefix);
                    if (!here) {
                        drop(name, true, dropped, put);
                        continue;
                    }
                    put(chainAt(prefix), put, dropped);
                    if (!split(prefix)) {
                        drop(name, false, dropped, put);
                        continue;
                    }
                    for (String group : groups(prefix)) {
                        if (!affected.contains(group) && atLeast(group, 2) && !chains.containsKey(name(group))) {
                            List<Chain> subtree = new ArrayList<>();
                            DispatchChains.build(subtree, root, name(group), flag, common, group, members(group), from);
                            subtree.forEach(c -> put(c, put, dropped));
                        }
                    }
                }
            }
        }
        dropped.forEach(chains::remove);
        chains.putAll(put);
        return new Delta(List.copyOf(put.values()), List.copyOf(dropped));
    }

    private void put(Chain chain, Map<String, Chain> put, Set<String> dropped) {
        dropped.remove(chain.name());
        if (chain.equals(chains.get(chain.name()))) {
            put.remove(chain.name());
        } else {
            put.put(chain.name(), chain);
        }
    }

    /** Drops the descendants of chain {@code name} (and itself when {@code self}). */
    private void drop(String name, boolean self, Set<String> dropped, Map<String, Chain> put) {
        for (String have : chains.tailMap(name, true).keySet()) {
            if (!have.startsWith(name)) {
                break;
            }
            if (self || have.length() > name.length()) {
                dropped.add(have);
                put.remove(have);
            }
        }
        put.keySet().removeIf(n -> n.startsWith(name) && (self || n.length() > name.length()));
    }

    private String name(String prefix) {
        return prefix.equals(common) ? root : root + "-" + prefix.substring(common.length());
    }

    private static String parent(String prefix) {
        return prefix.substring(0, prefix.length() - 1);
    }

    /** Whether the chain of {@code prefix} groups its interfaces into child chains. */
    private boolean split(String prefix) {
        int suffixRoom = ChainNames.MAX_LENGTH - root.length() - 1;
        return atLeast(prefix, DispatchChains.LEAF_SIZE + 1) && prefix.length() - common.length() < suffixRoom;
    }

    /** Whether at least {@code n} interfaces start with {@code prefix}, counting no further than n. */
    private boolean atLeast(String prefix, int n) {
        int count = 0;
        for (String iface : ifaces.tailSet(prefix, true)) {
            if (!iface.startsWith(prefix)) {
                return false;
            }
            if (++count >= n) {
                return true;
            }
        }
        return false;
    }

    private List<String> members(String prefix) {
        List<String> members = new ArrayList<>();
        for (String iface : ifaces.tailSet(prefix, true)) {
            if (!iface.startsWith(prefix)) {
                break;
            }
            members.add(iface);
        }
        return members;
    }

    /** The one-character-longer prefixes of the interfaces under {@code prefix}, in order. */
    private List<String> groups(String prefix) {
        List<String> groups = new ArrayList<>();
        String next = ifaces.higher(prefix);
        while (next != null && next.startsWith(prefix)) {
            String group = next.substring(0, prefix.length() + 1);
            groups.add(group);
            next = ifaces.ceiling(successor(group));
        }
        return groups;
    }

    /** The least string greater than every string starting with {@code prefix}. */
    private static String successor(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    /** The chain of {@code prefix} (which exists), as {@link DispatchChains#build} makes it. */
    private Chain chainAt(String prefix) {
        List<RuleSpec> rules = new ArrayList<>();
        if (!split(prefix)) {
            members(prefix).forEach(iface -> rules.add(DispatchChains.direct(flag, iface, from)));
        } else {
            if (ifaces.contains(prefix)) {
                rules.add(DispatchChains.direct(flag, prefix, from));
            }
            for (String group : groups(prefix)) {
                if (!atLeast(group, 2)) {
                    rules.add(DispatchChains.direct(flag, ifaces.ceiling(group), from));
                } else {
                    rules.add(RuleSpec.of(flag + " " + group + "+", "-g " + name(group)));
                }
            }
        }
        rules.add(RuleSpec.commented("Unknown interface", "", "-j DROP"));
        return new Chain(name(prefix), rules);
    }
}
