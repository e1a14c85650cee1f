package io.tabby.felix.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The dispatch chains ({@code cali-from-wl-dispatch}, {@code cali-to-wl-dispatch}): one
 * {@code goto} per workload interface to its endpoint chain. Up to {@value #LEAF_SIZE} interfaces
 * sit in the root chain; beyond that, as Calico does, interfaces are grouped by the next character
 * of their names into child chains ({@code cali-from-wl-dispatch-<chars>}, matched with
 * {@code -i <prefix>+}), recursively, so that adding or removing one endpoint rewrites one small
 * chain instead of a chain with a rule per endpoint. A group of one interface jumps straight to
 * its endpoint chain. Every chain of the tree ends in the "Unknown interface" drop.
 */
final class DispatchChains {
    /** The most interfaces a dispatch chain holds before it is split. */
    static final int LEAF_SIZE = 64;

    private DispatchChains() {}

    /**
     * @param root {@link ChainNames#FROM_WL_DISPATCH} or {@link ChainNames#TO_WL_DISPATCH}
     * @param flag {@code -i} or {@code -o}
     * @param sortedIfaces the local workload interfaces, sorted, distinct
     * @param from whether the targets are the from-workload chains
     */
    static List<Chain> of(String root, String flag, List<String> sortedIfaces, boolean from) {
        List<Chain> chains = new ArrayList<>();
        String common = sortedIfaces.isEmpty() ? "" : commonPrefix(sortedIfaces.getFirst(), sortedIfaces.getLast());
        build(chains, root, root, flag, common, common, sortedIfaces, from);
        return chains;
    }

    static void build(List<Chain> out, String root, String name, String flag, String common, String prefix,
            List<String> ifaces, boolean from) {
        List<RuleSpec> rules = new ArrayList<>();
        int suffixRoom = ChainNames.MAX_LENGTH - root.length() - 1;
        boolean split = ifaces.size() > LEAF_SIZE && prefix.length() - common.length() < suffixRoom;
        if (!split) {
            ifaces.forEach(iface -> rules.add(direct(flag, iface, from)));
        } else {
            TreeMap<Character, List<String>> groups = new TreeMap<>();
            List<Chain> children = new ArrayList<>();
            for (String iface : ifaces) {
                if (iface.length() == prefix.length()) {
                    rules.add(direct(flag, iface, from)); // the group prefix itself: sorts first
                } else {
                    groups.computeIfAbsent(iface.charAt(prefix.length()), c -> new ArrayList<>()).add(iface);
                }
            }
            groups.forEach((c, group) -> {
                if (group.size() == 1) {
                    rules.add(direct(flag, group.getFirst(), from));
                    return;
                }
                String childPrefix = prefix + c;
                String child = root + "-" + childPrefix.substring(common.length());
                rules.add(RuleSpec.of(flag + " " + childPrefix + "+", "-g " + child));
                build(children, root, child, flag, common, childPrefix, group, from);
            });
            rules.add(RuleSpec.commented("Unknown interface", "", "-j DROP"));
            out.add(new Chain(name, rules));
            out.addAll(children);
            return;
        }
        rules.add(RuleSpec.commented("Unknown interface", "", "-j DROP"));
        out.add(new Chain(name, rules));
    }

    static RuleSpec direct(String flag, String iface, boolean from) {
        String target = from ? ChainNames.fromWorkload(iface) : ChainNames.toWorkload(iface);
        return RuleSpec.of(flag + " " + iface, "-g " + target);
    }

    static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
