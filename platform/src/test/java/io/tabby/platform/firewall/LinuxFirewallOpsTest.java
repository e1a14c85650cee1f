package io.tabby.platform.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.RecordingCommandRunner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinuxFirewallOpsTest {

    private final RecordingCommandRunner runner = new RecordingCommandRunner();
    private final NetNs ns = NetNs.named("n1");

    @Test
    void iptablesProgramFollowsBackendAndFamily() {
        new LinuxIptablesOps(runner, IptablesBackend.NFT).save(ns, IpFamily.V4, IptablesTable.FILTER);
        new LinuxIptablesOps(runner, IptablesBackend.LEGACY).save(NetNs.root(), IpFamily.V6, IptablesTable.RAW);
        new LinuxIptablesOps(runner, IptablesBackend.LEGACY).restore(ns, IpFamily.V4, "*nat\nCOMMIT");

        assertThat(runner.argvs()).containsExactly(
                List.of("ip", "netns", "exec", "n1", "iptables-nft-save", "-t", "filter"),
                List.of("ip6tables-legacy-save", "-t", "raw"),
                List.of("ip", "netns", "exec", "n1", "iptables-legacy-restore", "--noflush", "--wait"));
        assertThat(runner.last().stdin()).contains("*nat\nCOMMIT\n");
    }

    @Test
    void aRefusedRestoreNamesTheProgramAndLine() {
        runner.reply(RecordingCommandRunner.argvContains(List.of("iptables-nft-restore")), 1, "",
                "iptables-restore: line 2 failed\n");

        assertThatThrownBy(() -> new LinuxIptablesOps(runner, IptablesBackend.NFT).restore(ns, IpFamily.V4, "*filter\n-A x\nCOMMIT\n"))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("iptables-nft-restore --noflush")
                .hasMessageContaining("line 2 failed");
    }

    @Test
    void aWholeTableRestoreListsEachTableFirstWithNftOnly() {
        new LinuxIptablesOps(runner, IptablesBackend.NFT).restoreReadingWholeTable(ns, IpFamily.V4,
                "*filter\n:cali-a - [0:0]\n-A cali-a -j ACCEPT\n-I INPUT 1 -j cali-a\nCOMMIT\n*nat\nCOMMIT");
        assertThat(runner.last().argv()).containsExactly("ip", "netns", "exec", "n1", "iptables-nft-restore",
                "--noflush", "--wait");
        assertThat(runner.last().stdin()).contains(
                "*filter\n-S\n:INPUT - [0:0]\n:cali-a - [0:0]\n-A cali-a -j ACCEPT\n-I INPUT 1 -j cali-a\nCOMMIT\n*nat\n-S\nCOMMIT\n");

        new LinuxIptablesOps(runner, IptablesBackend.LEGACY).restoreReadingWholeTable(ns, IpFamily.V6,
                "*filter\nCOMMIT\n");
        assertThat(runner.last().argv()).endsWith("ip6tables-legacy-restore", "--noflush", "--wait");
        assertThat(runner.last().stdin()).contains("*filter\nCOMMIT\n");
    }

    @Test
    void aRefusedWholeTableRestoreNamesTheProgramAndLine() {
        runner.reply(RecordingCommandRunner.argvContains(List.of("iptables-nft-restore")), 1, "",
                "iptables-restore: line 3 failed\n");

        assertThatThrownBy(() -> new LinuxIptablesOps(runner, IptablesBackend.NFT)
                .restoreReadingWholeTable(ns, IpFamily.V4, "*filter\n-A x\nCOMMIT\n"))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("iptables-nft-restore --noflush")
                .hasMessageContaining("line 3 failed");
    }

    @Test
    void ipsetRestoreListMembersDestroy() {
        runner.replyTo(List.of("ipset", "list", "-n"), "cali40all-ipam-pools\ncali40masq-ipam-pools\n");
        runner.replyTo(List.of("ipset", "save"), """
                create cali40all-ipam-pools hash:net family inet hashsize 1024 maxelem 1048576 bucketsize 12 initval 0x1
                add cali40all-ipam-pools 10.65.0.0/16
                add cali40all-ipam-pools 10.66.0.0/16
                """);
        LinuxIpsetOps ipsets = new LinuxIpsetOps(runner);

        ipsets.restore(ns, "create s hash:ip\nadd s 10.0.0.1");
        assertThat(runner.last().argv()).containsExactly("ip", "netns", "exec", "n1", "ipset", "restore");
        assertThat(runner.last().stdin()).contains("create s hash:ip\nadd s 10.0.0.1\n");
        assertThat(ipsets.listNames(ns)).containsExactly("cali40all-ipam-pools", "cali40masq-ipam-pools");
        assertThat(ipsets.members(ns, "cali40all-ipam-pools")).containsExactlyInAnyOrder("10.65.0.0/16", "10.66.0.0/16");
        ipsets.destroy(ns, "cali40all-ipam-pools");
        assertThat(runner.last().argv()).endsWith("ipset", "destroy", "cali40all-ipam-pools");
        assertThatThrownBy(() -> ipsets.destroy(ns, "bad name")).hasMessageContaining("not an ipset name");
    }

    @Test
    void allSetsAreReadWithOneSave() {
        runner.replyTo(List.of("ipset", "save"), """
                create cali40all-ipam-pools hash:net family inet hashsize 1024 maxelem 1048576 bucketsize 12 initval 0x1
                add cali40all-ipam-pools 10.65.0.0/16
                add cali40all-ipam-pools 10.66.0.0/16
                create cali40empty hash:ip family inet hashsize 1024 maxelem 1048576
                create cali60s:abc hash:net family inet6 hashsize 1024 maxelem 1048576
                add cali60s:abc fd00::/64
                """);

        Map<String, Set<String>> sets = new LinuxIpsetOps(runner).saveAll(ns);

        assertThat(runner.last().argv()).containsExactly("ip", "netns", "exec", "n1", "ipset", "save");
        assertThat(sets).containsOnlyKeys("cali40all-ipam-pools", "cali40empty", "cali60s:abc");
        assertThat(sets.get("cali40all-ipam-pools")).containsExactlyInAnyOrder("10.65.0.0/16", "10.66.0.0/16");
        assertThat(sets.get("cali40empty")).isEmpty();
        assertThat(sets.get("cali60s:abc")).containsExactly("fd00::/64");
    }
}
