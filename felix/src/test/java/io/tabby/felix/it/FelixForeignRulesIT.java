package io.tabby.felix.it;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.firewall.IptablesChain;
import io.tabby.platform.firewall.IptablesSave;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.host.HostRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * felix's first programming of a node whose tables already hold another program's chains, rules
 * and policies (Docker's, say), large enough that felix has iptables read the whole table
 * ({@code -S} in the restore): every foreign chain, rule and policy is still there afterwards,
 * with felix's hooks at the top of the built-in chains; a later one-endpoint change is restored
 * the ordinary way and keeps them too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FelixForeignRulesIT {
    private static final String NODE = "fxfu-n1";
    private static final int ENDPOINTS = 40;
    private static final int POLICIES = 20;

    /** Every restore felix ran, by whether it asked iptables to read the whole table. */
    private static final class RestoreRecorder implements CommandRunner {
        private final CommandRunner delegate = new ProcessCommandRunner();
        private final List<Boolean> wholeTable = new ArrayList<>();

        @Override
        public CommandResult run(Command command) {
            note(command);
            return delegate.run(command);
        }

        @Override
        public CommandResult runLines(Command command, Consumer<String> lines) {
            note(command);
            return delegate.runLines(command, lines);
        }

        private synchronized void note(Command command) {
            if (command.argv().stream().anyMatch(arg -> arg.startsWith("iptables-nft-restore"))) {
                wholeTable.add(command.stdin().orElse("").contains("\n-S\n"));
            }
        }

        synchronized List<Boolean> takeRestores() {
            List<Boolean> taken = List.copyOf(wholeTable);
            wholeTable.clear();
            return taken;
        }
    }

    private final RestoreRecorder runner = new RestoreRecorder();
    private final PodNetwork network = new PodNetwork(runner, "fxfu");
    private NetNs.Named node;

    @BeforeAll
    void start() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("programming iptables in a network namespace");
        host.requirePrograms("apt-get install iproute2 iptables ipset", "ip", "ipset", "iptables-nft-restore",
                "iptables-nft-save");
        node = network.newNode();
    }

    @AfterAll
    void stop() {
        network.deleteAll();
    }

    @Test
    void aFirstProgrammingBesideDockerKeepsItsChainsRulesAndPolicy() {
        runner.run(Command.withStdin(List.of("ip", "netns", "exec", node.name(), "iptables-nft-restore", "--noflush"), """
                *filter
                :FORWARD DROP [0:0]
                :DOCKER - [0:0]
                -A DOCKER -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j ACCEPT
                -A FORWARD -j DOCKER
                -A INPUT -s 192.0.2.0/24 -j DROP
                COMMIT
                *nat
                :DOCKER - [0:0]
                -A POSTROUTING -s 172.17.0.0/16 -j MASQUERADE
                -A DOCKER -i docker0 -j RETURN
                COMMIT
                """)).orThrow();
        runner.takeRestores();
        DirectFelix felix = new DirectFelix(NODE, node, runner);

        Map<String, String> cluster = cluster("v1");
        felix.apply(cluster);

        assertThat(runner.takeRestores()).as("felix's restores, whole-table or not").contains(true);
        assertForeignKept();
        Map<String, IptablesChain> filter = chains(IptablesTable.FILTER);
        assertThat(filter.get("FORWARD").rules().getFirst()).contains("-j cali-FORWARD");
        assertThat(filter.get("INPUT").rules().getFirst()).contains("-j cali-INPUT");
        assertThat(filter.keySet().stream().filter(name -> name.startsWith("cali-tw-"))).hasSize(ENDPOINTS);
        assertThat(filter.keySet().stream().filter(name -> name.startsWith("cali-pi-"))).hasSize(POLICIES);

        // a new interface name: the endpoint's chains are renamed (old ones deleted, new ones written)
        cluster.put(endpointKey(NODE, "default.w0"), endpoint("calimoved0", "10.65.1.1", Map.of("app", "w0v1"),
                "kns.default"));
        felix.apply(cluster);

        assertThat(runner.takeRestores()).as("felix's restores after one endpoint changed").isNotEmpty()
                .doesNotContain(true);
        assertForeignKept();
        assertThat(chains(IptablesTable.FILTER)).containsKey("cali-tw-calimoved0").doesNotContainKey("cali-tw-caliw0");
    }

    private void assertForeignKept() {
        Map<String, IptablesChain> filter = chains(IptablesTable.FILTER);
        assertThat(filter.get("FORWARD").policy()).isEqualTo("DROP");
        assertThat(filter.get("FORWARD").rules()).contains("-j DOCKER");
        assertThat(filter.get("INPUT").rules()).contains("-s 192.0.2.0/24 -j DROP");
        assertThat(filter.get("DOCKER").rules()).containsExactly("-d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j ACCEPT");
        Map<String, IptablesChain> nat = chains(IptablesTable.NAT);
        assertThat(nat.get("POSTROUTING").rules()).contains("-s 172.17.0.0/16 -j MASQUERADE");
        assertThat(nat.get("DOCKER").rules()).containsExactly("-i docker0 -j RETURN");
    }

    private Map<String, IptablesChain> chains(IptablesTable table) {
        String saved = network.run("ip", "netns", "exec", node.name(), "iptables-nft-save", "-t", table.tableName())
                .stdout();
        return IptablesSave.chains(saved, table);
    }

    /** {@link #ENDPOINTS} endpoints (without interfaces: only their chains matter here), every policy selecting all. */
    private static Map<String, String> cluster(String version) {
        Map<String, String> keys = new HashMap<>();
        keys.put(profileRulesKey("kns.default"), allowAllProfile());
        for (int i = 0; i < ENDPOINTS; i++) {
            keys.put(endpointKey(NODE, "default.w" + i), endpoint("caliw" + i, "10.65.1." + (i + 1),
                    Map.of("app", "w" + i + version), "kns.default"));
        }
        for (int p = 0; p < POLICIES; p++) {
            keys.put(policyKey("p" + p), "{\"order\":" + p + ",\"inbound_rules\":[{\"action\":\"allow\","
                    + "\"protocol\":\"tcp\",\"dst_ports\":[" + (8000 + p) + "]}],\"selector\":\"all()\","
                    + "\"types\":[\"ingress\"]}");
        }
        return keys;
    }
}
