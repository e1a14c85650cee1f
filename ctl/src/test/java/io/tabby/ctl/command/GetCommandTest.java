package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.Golden;
import io.tabby.ctl.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetCommandTest {

    @TempDir
    Path dir;

    private final CtlHarness ctl = new CtlHarness();

    @BeforeEach
    void resources() throws IOException {
        for (String manifest : List.of(TestManifests.TWO_POOLS, TestManifests.BGP, TestManifests.FELIX)) {
            Path file = Files.writeString(Files.createTempFile(dir, "in", ".yaml"), manifest);
            CtlRun run = ctl.run("apply", "-f", file.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    private String get(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "get";
        System.arraycopy(args, 0, all, 1, args.length);
        CtlRun run = ctl.run(all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    @Test
    void tablesForEveryKindMatchGoldenFiles() {
        for (String kind : List.of("ippools", "nodes", "bgppeers", "bgpconfigurations", "felixconfigurations")) {
            Golden.assertMatches("cli/get-" + kind + "-ps.txt", get(kind));
            Golden.assertMatches("cli/get-" + kind + "-wide.txt", get(kind, "-o", "wide"));
        }
    }

    @Test
    void nodesWideShowsTheInheritedClusterAsInParentheses() {
        assertThat(get("nodes", "-o", "wide")).isEqualTo("""
                NAME    ASN       IPV4           IPV6        \s
                node1   (64600)   10.0.2.15/24               \s
                node2   64513     10.0.2.10/32   fd00::2/64  \s

                """);
    }

    @Test
    void yamlAndJsonMatchGoldenFiles() {
        Golden.assertMatches("cli/get-ippools.yaml", get("ippools", "-o", "yaml"));
        Golden.assertMatches("cli/get-ippool-named.yaml", get("ippool", "default-ipv4-ippool", "-o", "yaml"));
        Golden.assertMatches("cli/get-ippools.json", get("ippools", "-o", "json"));
        Golden.assertMatches("cli/get-ippool-named.json", get("ippool", "default-ipv4-ippool", "-o", "json"));
        Golden.assertMatches("cli/get-bgpconfigurations.yaml", get("bgpconfig", "-o", "yaml"));
        Golden.assertMatches("cli/get-nodes.yaml", get("nodes", "-o", "yaml"));
        Golden.assertMatches("cli/get-felixconfigurations.yaml", get("felixconfig", "-o", "yaml"));
        Golden.assertMatches("cli/get-bgppeers.json", get("bgppeers", "-o", "json"));
    }

    @Test
    void yamlOutputCanBeAppliedBack() throws IOException {
        Path exported = Files.writeString(dir.resolve("export.yaml"), get("ippools", "-o", "yaml"));

        CtlRun run = ctl.run("apply", "-f", exported.toString());

        assertThat(run.out()).as(run.toString()).isEqualTo("Successfully applied 2 'IPPool' resource(s)\n");
    }

    @Test
    void nameOutputIsKindSlashName() {
        assertThat(get("ipp", "-o", "name")).isEqualTo("ippool/default-ipv4-ippool\nippool/rack-a-v6\n");
    }

    @Test
    void kindAliasesAndCaseAreAccepted() {
        String canonical = get("ippools");
        for (String alias : List.of("ippool", "IPPool", "ipp", "pool", "POOLS")) {
            assertThat(get(alias)).as(alias).isEqualTo(canonical);
        }
    }

    @Test
    void namedResourcesOnly() {
        assertThat(get("ippool", "rack-a-v6")).isEqualTo("""
                NAME        CIDR                       SELECTOR     \s
                rack-a-v6   fd80:24e2:f998:72d6::/64   rack == 'a'  \s

                """);
    }

    @Test
    void missingNameFailsAfterPrintingTheOthers() {
        CtlRun run = ctl.run("get", "ippool", "rack-a-v6", "nope");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).contains("rack-a-v6");
        assertThat(run.err()).isEqualTo("Failed to get resources: IPPool \"nope\" does not exist\n");
    }

    @Test
    void unknownKindListsTheValidOnes() {
        CtlRun run = ctl.run("get", "pods");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to execute command: unknown resource kind 'pods'; valid kinds: "
                + "IPPool (ippool, ippools, ipp, ipps, pool, pools), Node (node, nodes, no, nos), ");
        assertThat(run.err()).contains("BGPPeer (", "BGPConfiguration (", "FelixConfiguration (");
    }

    @Test
    void unknownOutputFormatListsTheValidOnes() {
        CtlRun run = ctl.run("get", "nodes", "-o", "xml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unrecognized output format 'xml'; expected one of: ps, wide, yaml, json, name");
    }

    @Test
    void unreachableDatastoreNamesTheEndpoints() {
        ctl.store.setAvailable(false);

        CtlRun run = ctl.run("", java.util.Map.of("ETCD_ENDPOINTS", "http://10.9.9.9:2379"), "get", "nodes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Failed to execute command: cannot reach etcd at http://10.9.9.9:2379 (from ETCD_ENDPOINTS): ");
    }
}
