package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.PolicyManifests;
import io.tabby.ctl.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tabbyctl label} with calicoctl's messages, on endpoints, nodes and namespaces. */
class LabelCommandTest {
    private static final String WEP_KEY = "/calico/v1/host/node1/workload/k8s/shop.web-1/endpoint/eth0";

    @TempDir
    Path dir;

    private final CtlHarness ctl = new CtlHarness();

    @BeforeEach
    void resources() throws IOException {
        for (String manifest : new String[] {PolicyManifests.POLICIES, TestManifests.BGP}) {
            Path file = Files.writeString(Files.createTempFile(dir, "in", ".yaml"), manifest);
            CtlRun run = ctl.run("apply", "-f", file.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    private CtlRun label(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "label";
        System.arraycopy(args, 0, all, 1, args.length);
        return ctl.run(all);
    }

    private String value(String key) {
        return ctl.store.get(key).orElseThrow().value();
    }

    @Test
    void setsUpdatesAndRemovesAWorkloadEndpointLabel() {
        assertThat(label("workloadendpoints", "node1-k8s-web--1-eth0", "-n", "shop", "tier=gold").out())
                .isEqualTo("Successfully set label tier on workloadendpoints node1-k8s-web--1-eth0\n");
        assertThat(value(WEP_KEY)).contains("\"tier\":\"gold\"");

        CtlRun refused = label("wep", "node1-k8s-web--1-eth0", "-n", "shop", "tier=silver");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("failed to update label of wep node1-k8s-web--1-eth0, key tier is already"
                + " present. please use '--overwrite' to set a new value.");

        assertThat(label("wep", "node1-k8s-web--1-eth0", "-n", "shop", "tier=silver", "--overwrite").out())
                .isEqualTo("Successfully updated label tier on wep node1-k8s-web--1-eth0\n");
        assertThat(label("wep", "node1-k8s-web--1-eth0", "-n", "shop", "tier", "--remove").out())
                .isEqualTo("Successfully removed label tier from wep node1-k8s-web--1-eth0\n");
        assertThat(value(WEP_KEY)).doesNotContain("tier")
                .contains("\"labels\":{\"app\":\"web\",\"projectcalico.org/namespace\":\"shop\"");
    }

    @Test
    void removingAMissingKeyAndAMissingResourceFail() {
        CtlRun missingKey = label("nodes", "node1", "nope", "--remove");
        assertThat(missingKey.exitCode()).isEqualTo(1);
        assertThat(missingKey.err()).contains("cannot remove label of nodes node1, key nope does not exist");

        CtlRun missingNode = label("nodes", "node9", "a=b");
        assertThat(missingNode.exitCode()).isEqualTo(1);
        assertThat(missingNode.err()).contains("nodes node9 not found");

        CtlRun wrongNamespace = label("wep", "node1-k8s-web--1-eth0", "a=b");
        assertThat(wrongNamespace.err()).contains("wep node1-k8s-web--1-eth0 not found");
    }

    @Test
    void labelsANodeInItsMetadataKey() {
        assertThat(label("nodes", "node1", "rack=r7").out()).isEqualTo("Successfully set label rack on nodes node1\n");
        assertThat(value("/calico/v1/host/node1/metadata")).isEqualTo("{\"labels\":{\"rack\":\"r7\"}}");
    }

    @Test
    void namespaceLabelsLiveInItsProfileWhichIsCreatedOnFirstUse() {
        assertThat(label("namespaces", "shop", "env=prod").out())
                .isEqualTo("Successfully set label env on namespaces shop\n");
        assertThat(value("/calico/v1/policy/profile/kns.shop/labels"))
                .isEqualTo("{\"pcns.env\":\"prod\",\"pcns.projectcalico.org/name\":\"shop\",\"pcns.team\":\"a\"}");

        assertThat(label("ns", "fresh", "team=b").out()).isEqualTo("Successfully set label team on ns fresh\n");
        assertThat(value("/calico/v1/policy/profile/kns.fresh/rules"))
                .isEqualTo("{\"inbound_rules\":[{\"action\":\"allow\"}],\"outbound_rules\":[{\"action\":\"allow\"}]}");
        assertThat(value("/calico/v1/policy/profile/kns.fresh/labels"))
                .isEqualTo("{\"pcns.projectcalico.org/name\":\"fresh\",\"pcns.team\":\"b\"}");
    }

    @Test
    void kindsWithoutStorableLabelsAreRefused() {
        CtlRun run = label("ippool", "default-ipv4-ippool", "a=b");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("IPPool labels cannot be stored in the etcd v1 layout");
    }

    @Test
    void badLabelArgumentIsNamed() {
        CtlRun run = label("nodes", "node1", "a=b=c");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("invalid label a=b=c");
    }
}
