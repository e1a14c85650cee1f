package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteCommandTest {

    @TempDir
    Path dir;

    private final CtlHarness ctl = new CtlHarness();
    private String pools;

    @BeforeEach
    void twoPools() throws IOException {
        pools = Files.writeString(dir.resolve("pools.yaml"), TestManifests.TWO_POOLS).toString();
        assertThat(ctl.run("apply", "-f", pools).exitCode()).isZero();
    }

    @Test
    void deleteByKindAndNames() {
        CtlRun run = ctl.run("delete", "ippools", "default-ipv4-ippool", "rack-a-v6");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Successfully deleted 2 'IPPool' resource(s)\n");
        assertThat(ctl.keys()).noneMatch(key -> key.contains("/pool/"));
    }

    @Test
    void deleteByFile() {
        CtlRun run = ctl.run("delete", "-f", pools);

        assertThat(run.out()).as(run.toString()).isEqualTo("Successfully deleted 2 'IPPool' resource(s)\n");
    }

    @Test
    void aMissingNameDeletesNothing() {
        long revision = ctl.store.currentRevision();

        CtlRun run = ctl.run("delete", "ippool", "rack-a-v6", "typo");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("Failed to delete 'IPPool' resource: IPPool \"typo\" does not exist."
                + " Nothing was deleted (use --skip-not-exists to ignore missing resources).\n");
        assertThat(ctl.store.currentRevision()).isEqualTo(revision);
    }

    @Test
    void skipNotExistsDeletesTheOthers() {
        CtlRun run = ctl.run("delete", "--skip-not-exists", "ippool", "rack-a-v6", "typo");

        assertThat(run.out()).as(run.toString()).isEqualTo("Successfully deleted 1 'IPPool' resource(s)\n");
    }

    @Test
    void kindWithoutNameOrBothFormsAreUsageErrors() {
        CtlRun noName = ctl.run("delete", "ippool");
        CtlRun both = ctl.run("delete", "-f", pools, "ippool", "x");
        CtlRun nothing = ctl.run("delete");

        assertThat(noName.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noName.err()).contains("Missing NAME");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("not both");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void dryRunShowsTheKeysItWouldDelete() {
        CtlRun run = ctl.run("delete", "--dry-run", "pool", "default-ipv4-ippool");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("# IPPool \"default-ipv4-ippool\" would be deleted\n")
                .contains("/calico/v1/ipam/v4/pool/192.168.0.0-16")
                .endsWith("Dry run: would have deleted 1 'IPPool' resource(s); nothing was written\n");
        assertThat(ctl.keys()).contains("/calico/v1/ipam/v4/pool/192.168.0.0-16");
    }
}
