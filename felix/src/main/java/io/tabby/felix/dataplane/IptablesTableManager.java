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
import java.util.HashMap;
import java.util.HashSet;
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
 */
final class IptablesTableManager {
    private static final Logger LOG = LogManager.getLogger(IptablesTableManager.class);

    private final IptablesOps ops;
    private final NetNs ns;
    private final IptablesTable table;
    private final IpFamily family;
    private TableRules desired = new TableRules(List.of(), List.of());
    /**
     * The hashes of each desired chain, kept from one {@link #setDesired} to the next: a chain that
     * is the same object (or equal) as last time is not hashed again, so a large, mostly unchanged
     * table costs a lookup per chain.
     */
    private Map<String, HashedChain> hashed = new HashMap<>();

    private record HashedChain(Chain chain, List<String> hashes) {}
    /** Chain name to rule hashes, as last read or written; null when it must be read again. */
    private Map<String, List<String>> actual;
    /** Kernel chain to the felix hashes in it. */
    private Map<String, Set<String>> actualHooks;

    IptablesTableManager(IptablesOps ops, NetNs ns, IptablesTable table, IpFamily family) {
        this.ops = requireNonNull(ops, "ops is null");
        this.ns = requireNonNull(ns, "ns is null");
        this.table = requireNonNull(table, "table is null");
        this.family = requireNonNull(family, "family is null");
    }

    void setDesired(TableRules rules) {
        desired = requireNonNull(rules, "rules is null");
        Map<String, HashedChain> next = new HashMap<>(rules.chains().size() * 2);
        for (Chain chain : rules.chains()) {
            HashedChain have = hashed.get(chain.name());
            boolean same = have != null && (have.chain() == chain || have.chain().equals(chain));
            next.put(chain.name(), same ? have : new HashedChain(chain, chain.hashes()));
        }
        hashed = next;
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
            String payload = payload();
            if (payload == null) {
                return;
            }
            LOG.debug("iptables-restore {} {} in {}:\n{}", family, table.tableName(), ns, payload);
            ops.restore(ns, family, payload);
            recordWritten();
        } catch (RuntimeException e) {
            actual = null;
            throw e;
        }
    }

    private void readBack() {
        SavedHashes saved = new SavedHashes(table);
        ops.saveLines(ns, family, table, new IptablesSaveReader(saved));
        actual = saved.chains();
        actualHooks = saved.hooks();
        // a chain as felix wrote it keeps one copy of its hashes, not a second one read back
        actual.replaceAll((name, hashes) -> {
            HashedChain mine = hashed.get(name);
            return mine != null && mine.hashes().equals(hashes) ? mine.hashes() : hashes;
        });
    }

    /** The restore text for the difference, or null when there is none. */
    private String payload() {
        Set<String> wanted = new HashSet<>();
        List<Chain> changed = new ArrayList<>();
        for (Chain chain : desired.chains()) {
            wanted.add(chain.name());
            if (!Objects.equals(actual.get(chain.name()), hashed.get(chain.name()).hashes())) {
                changed.add(chain);
            }
        }
        List<String> stale = actual.keySet().stream().filter(name -> !wanted.contains(name)).sorted().toList();
        List<Chain> missingHooks = desired.hooks().stream()
                .filter(h -> !actualHooks.getOrDefault(h.name(), Set.of()).containsAll(h.hashes())).toList();
        if (changed.isEmpty() && stale.isEmpty() && missingHooks.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("*").append(table.tableName()).append('\n');
        changed.forEach(c -> text.append(':').append(c.name()).append(" - [0:0]\n"));
        stale.forEach(name -> text.append(':').append(name).append(" - [0:0]\n"));
        changed.forEach(c -> c.appendLines(hashed.get(c.name()).hashes()).forEach(line -> text.append(line).append('\n')));
        missingHooks.forEach(h -> RestoreText.insertLines(h).forEach(line -> text.append(line).append('\n')));
        stale.forEach(name -> text.append("-X ").append(name).append('\n'));
        return text.append("COMMIT\n").toString();
    }

    private void recordWritten() {
        Map<String, List<String>> now = new HashMap<>();
        desired.chains().forEach(c -> now.put(c.name(), hashed.get(c.name()).hashes()));
        actual = now;
        desired.hooks().forEach(h -> actualHooks.computeIfAbsent(h.name(), k -> new HashSet<>()).addAll(h.hashes()));
    }
}
