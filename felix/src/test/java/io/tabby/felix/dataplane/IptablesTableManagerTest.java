package io.tabby.felix.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.felix.rules.Chain;
import io.tabby.felix.rules.RuleSpec;
import io.tabby.felix.rules.TableRules;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which restore the manager asks for: a payload of many chains into a table that holds few rules
 * has iptables read the whole table; a small change beside a large table does not.
 */
class IptablesTableManagerTest {
    private static final List<Chain> HOOKS = List.of(new Chain("INPUT",
            List.of(RuleSpec.commented("hook", "", "-j cali-INPUT"))));

    /** Save output it was given; every restore, by the method used. */
    private static final class RecordingIptables implements IptablesOps {
        private final String saved;
        private final List<String> calls = new ArrayList<>();
        private final List<String> payloads = new ArrayList<>();
        private boolean refuseWholeTable;

        RecordingIptables(String saved) {
            this.saved = saved;
        }

        @Override
        public String save(NetNs ns, IpFamily family, IptablesTable table) {
            return saved;
        }

        @Override
        public void restore(NetNs ns, IpFamily family, String payload) {
            calls.add("restore");
            payloads.add(payload);
        }

        @Override
        public void restoreReadingWholeTable(NetNs ns, IpFamily family, String payload) {
            calls.add("whole table");
            payloads.add(payload);
            if (refuseWholeTable) {
                throw new IllegalStateException("iptables-restore: line 2 failed");
            }
        }
    }

    @Test
    void aFirstProgrammingOfManyChainsReadsTheWholeTableAndALaterChangeDoesNot() {
        RecordingIptables ops = new RecordingIptables(empty());
        IptablesTableManager manager = new IptablesTableManager(ops, NetNs.root(), IptablesTable.FILTER, IpFamily.V4);
        manager.setDesired(new TableRules(chains(300, 10, "a"), HOOKS));
        manager.apply();

        assertThat(ops.calls).containsExactly("whole table");
        assertThat(ops.payloads.getFirst()).startsWith("*filter\n:cali-t-0 - [0:0]\n").endsWith("COMMIT\n")
                .contains("-A cali-t-299 ");

        List<Chain> changed = new ArrayList<>(chains(300, 10, "a"));
        changed.set(7, chains(8, 10, "b").get(7));
        manager.setDesired(new TableRules(changed, HOOKS));
        manager.apply();

        assertThat(ops.calls).containsExactly("whole table", "restore");
        assertThat(ops.payloads.getLast()).startsWith("*filter\n:cali-t-7 - [0:0]\n").doesNotContain("cali-t-8 ");
    }

    @Test
    void aRefusedWholeTableRestoreIsRetriedAsAPlainOne() {
        RecordingIptables ops = new RecordingIptables(empty());
        ops.refuseWholeTable = true;
        IptablesTableManager manager = new IptablesTableManager(ops, NetNs.root(), IptablesTable.FILTER, IpFamily.V4);
        manager.setDesired(new TableRules(chains(300, 10, "a"), HOOKS));

        assertThatThrownBy(manager::apply).hasMessageContaining("line 2 failed");
        manager.apply();

        assertThat(ops.calls).containsExactly("whole table", "restore");
        assertThat(ops.payloads.getLast()).isEqualTo(ops.payloads.getFirst());
    }

    @Test
    void aFewChainsBesideManyForeignRulesAreRestoredAsTheyAre() {
        StringBuilder saved = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
                + ":OUTPUT ACCEPT [0:0]\n:DOCKER - [0:0]\n");
        for (int i = 0; i < 2000; i++) {
            saved.append("-A DOCKER -d 172.17.0.").append(i % 250).append("/32 -j ACCEPT\n");
        }
        RecordingIptables ops = new RecordingIptables(saved.append("COMMIT\n").toString());
        IptablesTableManager manager = new IptablesTableManager(ops, NetNs.root(), IptablesTable.FILTER, IpFamily.V4);
        manager.setDesired(new TableRules(chains(40, 5, "a"), HOOKS));
        manager.apply();

        assertThat(ops.calls).containsExactly("restore");
        assertThat(ops.payloads.getFirst()).doesNotContain("DOCKER");
    }

    private static String empty() {
        return "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";
    }

    private static List<Chain> chains(int count, int rules, String variant) {
        List<Chain> chains = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            List<RuleSpec> specs = new ArrayList<>();
            for (int r = 0; r < rules; r++) {
                specs.add(RuleSpec.of("-s 10.0." + c % 250 + "." + r + "/32 -m comment --comment " + variant, "-j ACCEPT"));
            }
            chains.add(new Chain("cali-t-" + c, specs));
        }
        return chains;
    }
}
