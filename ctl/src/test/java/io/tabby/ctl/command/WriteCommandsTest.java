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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteCommandsTest {

    @TempDir
    Path dir;

    private final CtlHarness ctl = new CtlHarness();

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void applyReportsCountAndKindAsCalicoctl() throws IOException {
        CtlRun run = ctl.run("apply", "-f", file("pools.yaml", TestManifests.TWO_POOLS));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Successfully applied 2 'IPPool' resource(s)\n");
        assertThat(run.err()).isEmpty();
        assertThat(ctl.keys()).contains("/calico/v1/ipam/v4/pool/192.168.0.0-16",
                "/calico/v1/ipam/v6/pool/fd80:24e2:f998:72d6::-64");
    }

    @Test
    void applyOfMixedKindsCountsResources() throws IOException {
        CtlRun run = ctl.run("apply", "-f", file("bgp.yaml", TestManifests.BGP));

        assertThat(run.out()).as(run.toString()).isEqualTo("Successfully applied 5 resource(s)\n");
    }

    @Test
    void applyReadsStdin() {
        CtlRun run = ctl.runWithStdin(TestManifests.V1_POOL, "apply", "-f", "-");

        assertThat(run.out()).as(run.toString()).isEqualTo("Successfully applied 1 'IPPool' resource(s)\n");
    }

    @Test
    void createThenCreateAgainFailsAndWritesNothingMore() throws IOException {
        String pools = file("pools.yaml", TestManifests.TWO_POOLS);
        assertThat(ctl.run("create", "-f", pools).out()).isEqualTo("Successfully created 2 'IPPool' resource(s)\n");
        long revision = ctl.store.currentRevision();

        CtlRun again = ctl.run("create", "-f", pools);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).startsWith("Failed to create any 'IPPool' resources: IPPool \"default-ipv4-ippool\" already exists")
                .endsWith("Nothing was written.\n");
        assertThat(ctl.store.currentRevision()).isEqualTo(revision);
    }

    @Test
    void replaceOfAMissingResourceFails() throws IOException {
        CtlRun run = ctl.run("replace", "-f", file("pools.yaml", TestManifests.V1_POOL));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to replace 'IPPool' resource: ").contains("does not exist");
        assertThat(ctl.keys()).isEmpty();
    }

    @Test
    void badInputNamesFileDocumentAndFieldAndWritesNothing() throws IOException {
        String pools = file("pools.yaml", TestManifests.BAD_SECOND_POOL);

        CtlRun run = ctl.run("apply", "-f", pools);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Failed to execute command: 1 problem in the input; nothing was written:\n  ")
                .contains(pools + ": document 2 (IPPool \"bad\"): spec.ipipMode: ")
                .contains("Sometimes").contains("Always").contains("CrossSubnet").contains("Never");
        assertThat(ctl.keys()).as("the good first document is not written either").isEmpty();
        assertThat(ctl.connections).as("bad input is rejected before connecting").isEmpty();
    }

    @Test
    void emptyStdinIsAClearError() {
        CtlRun run = ctl.runWithStdin("", "apply", "-f", "-");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to execute command: no resources in stdin (-f -)");
        assertThat(ctl.connections).isEmpty();
    }

    @Test
    void fileWithOnlyCommentsIsAClearError() throws IOException {
        String empty = file("empty.yaml", "# nothing here\n---\n");

        CtlRun run = ctl.run("create", "-f", empty);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("Failed to execute command: no resources in " + empty
                + ": it holds no YAML or JSON document; nothing was written\n");
    }

    @Test
    void missingFileIsNamed() {
        CtlRun run = ctl.run("apply", "-f", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("Failed to execute command: cannot read " + dir.resolve("nope.yaml") + ": no such file\n");
    }

    @Test
    void missingFilenameIsAUsageError() {
        CtlRun run = ctl.run("apply");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--filename=FILE'").contains("tabbyctl apply --help");
    }

    @Test
    void dryRunPrintsResourcesAndEtcdKeysAndWritesNothing() throws IOException {
        CtlRun run = ctl.run("apply", "--dry-run", "-f", file("pool.yaml", TestManifests.V1_POOL));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("# IPPool \"[^\"]+\" would be created\n")
                .contains("kind: IPPool")
                .contains("#   create /calico/v1/ipam/v4/pool/192.168.0.0-16 = {\"cidr\":\"192.168.0.0/16\"")
                .endsWith("Dry run: would have applied 1 'IPPool' resource(s); nothing was written\n");
        assertThat(ctl.keys()).isEmpty();
    }

    @Test
    void dryRunOutputMatchesGoldenFile() {
        CtlRun run = ctl.runWithStdin(TestManifests.BGP, "create", "--dry-run", "-f", "-");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Golden.assertMatches("cli/create-dry-run.txt", run.out());
        assertThat(ctl.keys()).isEmpty();
    }

    @Test
    void badInputReportMatchesGoldenFile() {
        String input = TestManifests.BAD_SECOND_POOL + """
                ---
                apiVersion: projectcalico.org/v3
                kind: Pod
                metadata:
                  name: x
                ---
                apiVersion: projectcalico.org/v3
                kind: BGPPeer
                metadata:
                  name: peer
                spec:
                  peerIP: 10.0.0.300
                  asNumber: 99999999999
                  nodeSelecter: all()
                """;

        CtlRun run = ctl.runWithStdin(input, "apply", "-f", "-");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        Golden.assertMatches("cli/apply-bad-input.err", run.err());
        assertThat(ctl.keys()).isEmpty();
    }

    @Test
    void dryRunOfEveryWriteCommandWritesNothing() throws IOException {
        String pools = file("pools.yaml", TestManifests.TWO_POOLS);
        ctl.run("create", "-f", pools);
        long revision = ctl.store.currentRevision();

        assertThat(ctl.run("replace", "--dry-run", "-f", pools).exitCode()).isZero();
        assertThat(ctl.run("apply", "--dry-run", "-f", pools).exitCode()).isZero();
        assertThat(ctl.run("delete", "--dry-run", "-f", pools).exitCode()).isZero();
        assertThat(ctl.run("delete", "--dry-run", "ippool", "rack-a-v6").exitCode()).isZero();

        assertThat(ctl.store.currentRevision()).isEqualTo(revision);
        assertThat(ctl.run("create", "--dry-run", "-f", pools).exitCode()).as("still there").isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void everyRunClosesTheConnectionItOpened() throws IOException {
        ctl.run("apply", "-f", file("pools.yaml", TestManifests.TWO_POOLS));
        ctl.run("get", "ippools");

        assertThat(ctl.connections).hasSize(2);
        assertThat(ctl.sharedCloses()).isEqualTo(2);
    }
}
