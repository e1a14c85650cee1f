package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.BackendFactory;
import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.IpamFixture;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.testing.ForwardingBackend;
import io.tabby.ipam.impl.DatastoreIpam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IpamReleaseCommandTest {

    private final CtlHarness ctl = new CtlHarness();
    private IpAddr address;

    @BeforeEach
    void onePod() {
        address = new IpamFixture(ctl.store).pool("10.0.0.0/24").assign("node1", "pod-a", 2, 0).ipv4().getFirst();
    }

    @Test
    void releasesTheAddress() {
        CtlRun run = ctl.run("ipam", "release", "--ip=" + address);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Successfully released IP address " + address + "\n");
        assertThat(run.err()).isEmpty();
        assertThat(new DatastoreIpam(ctl.store).ipsByHandle(IpamFixture.handle("pod-a")))
                .hasSize(1).doesNotContain(address);
    }

    @Test
    void releasingTwiceFailsTheSecondTime() {
        assertThat(ctl.run("ipam", "release", "--ip", address.toString()).exitCode()).isZero();
        long revision = ctl.store.currentRevision();

        CtlRun run = ctl.run("ipam", "release", "--ip", address.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("IP address " + address + " is not assigned; nothing was released."
                + " Check the address with 'tabbyctl ipam show --ip=" + address + "'.\n");
        assertThat(ctl.store.currentRevision()).isEqualTo(revision);
    }

    @Test
    void addressOutsideEveryBlockIsNotAssigned() {
        CtlRun run = ctl.run("ipam", "release", "--ip=192.168.7.7");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("IP address 192.168.7.7 is not assigned; nothing was released.");
    }

    @Test
    void ipamFailuresAreReportedWithTheirAdvice() {
        BackendFactory contended = settings -> new ForwardingBackend(ctl.store) {
            @Override
            public long commit(List<TxnOp> ops) {
                throw new RevisionConflictException(ops.getFirst().key(), 1, 2);
            }

            @Override
            public void close() {}
        };

        CtlRun run = CtlRun.run("", Map.of(), contended, "ipam", "release", "--ip=" + address);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to execute command: gave up writing /calico/ipam/v2/assignment/ipv4/block/")
                .contains("retry the request");
    }

    @Test
    void missingIpIsAUsageError() {
        CtlRun run = ctl.run("ipam", "release");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--ip=IP'");
        assertThat(ctl.connections).isEmpty();
    }
}
