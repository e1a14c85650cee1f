package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.felix.rules.Chain;
import io.tabby.felix.rules.RestoreText;
import io.tabby.felix.rules.TableRules;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.IptablesSaveReader;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One iptables table felix owns chains in. It knows the kernel by the rule hashes of its
 * {@code cali-} chains (read back with {@code iptables-save} on the first apply and on every
 * resync, so a restarted felix or a rule deleted behind its back is noticed), and writes only the
 * difference in one {@code iptables-restore --noflush}: changed chains are redeclared and refilled,
 * missing hooks inserted at the top of their kernel chain, chains no longer wanted flushed and
 * deleted after everything that jumped to them has been rewritten.
 *
 * <p>The desired chains are kept by name and told either whole ({@link #setDesired}) or as a
 * change ({@link #update}: chains put, chain names dropped). Between read-backs the manager
 * trusts what it wrote, so an apply compares only the chains named since the last apply: a change
 * to one endpoint costs its own chains, whatever the size of the table. A read-back (first apply,
 * resync, after a failure) compares every chain.
 *
 * <p>A restore that names thousands of chains into a table holding few rules (a first programming)
 * has iptables read the whole table first ({@link IptablesOps#restoreReadingWholeTable}): iptables-nft
 * 1.8's per-chain fetch list costs the number of commands times the number of chains, four times
 * the time of the kernel work at 10,000 endpoints.
 */
final class IptablesTableManager {
    private static final Logger LOG = LogManager.getLogger(IptablesTableManager.class);
    /**
     * How many steps through iptables-nft's sorted list of chains to fetch cost as much as reading one
     * rule of the whole table instead (measured at 10,000 endpoints: ~2.6 ns a step, ~26 µs a rule
     * read and listed): a restore whose commands times chains named, halved, exceeds this times the
     * rules in the table asks iptables to read the whole table ({@link IptablesOps#restoreReadingWholeTable}).
     */
    private static final long LIST_STEPS_PER_RULE_READ = 10_000;

    private final IptablesOps ops;
    private final NetNs ns;
    private final IptablesTable table;
    private final IpFamily family;
    /**
     * The desired chains with their hashes, in the order they were first wanted: a chain that is
     * the same object (or equal) as last time is not hashed again.
     */
    private final Map<String, HashedChain> desired = new LinkedHashMap<>();
    private List<Chain> hooks = List.of();
    /** Chains put or dropped since the last successful apply, in the order they were named. */
    private final Set<String> touched = new LinkedHashSet<>();

    private record HashedChain(Chain chain, List<String> hashes) {}
    /** Chain name to rule hashes, as last read or written; null when it must be read again. */
    private Map<String, List<String>> actual;
    /** Kernel chain to the felix hashes in it. */
    private Map<String, Set<String>> actualHooks;
    /** Rules in the table, felix's and others', as last read and since kept up by what was written. */
    private long rulesInTable;
    /** iptables refused a whole-table restore once: only plain restores from then on. */
    private boolean wholeTableRefused;
    /** The kernel was read back since the last apply: every chain is compared, not only the touched ones. */
    private boolean compareAll;

    IptablesTableManager(IptablesOps ops, NetNs ns, IptablesTable table, IpFamily family) {
        this.ops = requireNonNull(ops, "ops is null");
        this.ns = requireNonNull(ns, "ns is null");
        this.table = requireNonNull(table, "table is null");
        this.family = requireNonNull(family, "family is null");
    }

    /** The whole table: every chain not in {@code rules} is dropped. */
    void setDesired(TableRules rules) {
        requireNonNull(rules, "rules is null");
        Set<String> wanted = new HashSet<>();
        rules.chains().forEach(c -> wanted.add(c.name()));
        List<String> gone = desired.keySet().stream().filter(name -> !wanted.contains(name)).toList();
        update(rules.chains(), gone, rules.hooks());
    }

    /**
     * A change to the table: {@code put} chains are added or replace the chain of their name,
     * {@code dropped} names are no longer wanted; {@code newHooks} replace the hooks.
     */
    void update(Collection<Chain> put, Collection<String> dropped, List<Chain> newHooks) {
        requireNonNull(put, "put is null");
        requireNonNull(dropped, "dropped is null");
        hooks = List.copyOf(requireNonNull(newHooks, "newHooks is null"));
        for (String name : dropped) {
            if (desired.remove(name) != null) {
                touched.add(name);
            }
        }
        for (Chain chain : put) {
            HashedChain have = desired.get(chain.name());
            if (have != null && (have.chain() == chain || have.chain().equals(chain))) {
                continue;
            }
            desired.put(chain.name(), new HashedChain(chain, chain.hashes()));
            touched.add(chain.name());
        }
    }

    /** How many chains are desired (for tests). */
    int size() {
        return desired.size();
    }

    /**
     * Reads the kernel now if it must be read: call before any other table is written, because
     * with the nft backend saving one table costs as much as the whole ruleset it sits beside.
     */
    void prepare() {
        if (actual == null) {
            try {
                readBack();
            } catch (RuntimeException e) {
                actual = null;
                throw e;
            }
        }
    }

    /** Reads the kernel again before the next apply. */
    void markResync() {
        actual = null;
    }

    /** Brings the table to the desired chains; on failure the next apply reads the kernel again. */
    void apply() {
        try {
            if (actual == null) {
                readBack();
            }
            Difference difference = difference();
            if (!difference.isEmpty()) {
                String payload = difference.restoreText();
                LOG.debug("iptables-restore {} {} in {}:\n{}", family, table.tableName(), ns, payload);
                if (readsWholeTable(difference)) {
                    restoreReadingWholeTable(payload);
                } else {
                    ops.restore(ns, family, payload);
                }
                rulesInTable += difference.ruleDelta(actual);
                difference.changed().forEach(c -> actual.put(c.chain().name(), c.hashes()));
                difference.stale().forEach(actual::remove);
                hooks.forEach(h -> actualHooks.computeIfAbsent(h.name(), k -> new HashSet<>()).addAll(h.hashes()));
            }
            touched.clear();
            compareAll = false;
        } catch (RuntimeException e) {
            actual = null;
            throw e;
        }
    }

    /**
     * A whole-table restore; if iptables refuses it, later applies use the plain restore (slower at
     * scale, but it is what every iptables version accepts), and the failure is passed on so that the
     * apply is retried.
     */
    private void restoreReadingWholeTable(String payload) {
        try {
            ops.restoreReadingWholeTable(ns, family, payload);
        } catch (RuntimeException e) {
            wholeTableRefused = true;
            LOG.warn("iptables refused a restore of {} {} that reads the whole table first; restoring without"
                    + " that from now on: {}", family, table.tableName(), e.getMessage());
            throw e;
        }
    }

    private void readBack() {
        SavedHashes saved = new SavedHashes(table);
        ops.saveLines(ns, family, table, new IptablesSaveReader(saved));
        actual = saved.chains();
        actualHooks = saved.hooks();
        rulesInTable = saved.rules();
        compareAll = true;
        // a chain as felix wrote it keeps one copy of its hashes, not a second one read back
        actual.replaceAll((name, hashes) -> {
            HashedChain mine = desired.get(name);
            return mine != null && mine.hashes().equals(hashes) ? mine.hashes() : hashes;
        });
    }

    /**
     * Whether iptables should read the whole table before this restore: when the commands times the
     * chains they name (iptables-nft walks half its sorted list of names for each command) cost more
     * than reading every rule already in the table. True for a first programming of thousands of
     * chains into an empty table, never for one endpoint's change beside a large table.
     */
    private boolean readsWholeTable(Difference difference) {
        if (wholeTableRefused) {
            return false;
        }
        long names = difference.changed().size() + difference.stale().size() + difference.missingHooks().size();
        long listSteps = difference.commands() * names / 2;
        return listSteps > LIST_STEPS_PER_RULE_READ * Math.max(1, rulesInTable);
    }

    /** What one apply writes: chains to (re)fill, chains to delete, hooks to insert. */
    private record Difference(String table, List<HashedChain> changed, List<String> stale, List<Chain> missingHooks) {
        boolean isEmpty() {
            return changed.isEmpty() && stale.isEmpty() && missingHooks.isEmpty();
        }

        /** The lines of {@link #restoreText} between the table line and COMMIT, without building it. */
        long commands() {
            long lines = 2L * stale.size();
            for (HashedChain c : changed) {
                lines += 1 + c.hashes().size();
            }
            for (Chain h : missingHooks) {
                lines += h.hashes().size();
            }
            return lines;
        }

        /** How many rules the table gains (or loses) once this is written over {@code actual}. */
        long ruleDelta(Map<String, List<String>> actual) {
            long delta = 0;
            for (HashedChain c : changed) {
                List<String> had = actual.get(c.chain().name());
                delta += c.hashes().size() - (had == null ? 0 : had.size());
            }
            for (String name : stale) {
                List<String> had = actual.get(name);
                delta -= had == null ? 0 : had.size();
            }
            for (Chain h : missingHooks) {
                delta += h.hashes().size();
            }
            return delta;
        }

        String restoreText() {
            StringBuilder text = new StringBuilder("*").append(table).append('\n');
            changed.forEach(c -> text.append(':').append(c.chain().name()).append(" - [0:0]\n"));
            stale.forEach(name -> text.append(':').append(name).append(" - [0:0]\n"));
            changed.forEach(c -> c.chain().appendLines(c.hashes()).forEach(line -> text.append(line).append('\n')));
            missingHooks.forEach(h -> RestoreText.insertLines(h).forEach(line -> text.append(line).append('\n')));
            stale.forEach(name -> text.append("-X ").append(name).append('\n'));
            return text.append("COMMIT\n").toString();
        }
    }

    /** After a read-back every chain, else the chains touched since the last apply, against the kernel. */
    private Difference difference() {
        List<HashedChain> changed = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        if (compareAll) {
            for (HashedChain chain : desired.values()) {
                if (!Objects.equals(actual.get(chain.chain().name()), chain.hashes())) {
                    changed.add(chain);
                }
            }
            actual.keySet().stream().filter(name -> !desired.containsKey(name)).sorted().forEach(stale::add);
        } else {
            for (String name : touched) {
                HashedChain chain = desired.get(name);
                if (chain == null) {
                    if (actual.containsKey(name)) {
                        stale.add(name);
                    }
                } else if (!Objects.equals(actual.get(name), chain.hashes())) {
                    changed.add(chain);
                }
            }
        }
        List<Chain> missingHooks = hooks.stream()
                .filter(h -> !actualHooks.getOrDefault(h.name(), Set.of()).containsAll(h.hashes())).toList();
        return new Difference(table.tableName(), changed, stale, missingHooks);
    }
}
