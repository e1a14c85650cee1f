package io.tabby.node.it;

import static io.tabby.node.it.NodeAgentFixture.endpointPath;
import static io.tabby.node.it.NodeAgentFixture.handlePath;
import static io.tabby.node.it.NodeAgentFixture.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.node.it.NodeAgentFixture.Outcome;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The CNI 1.1 verbs, the repeated ADD, the IPAM-only plugin and sandbox replacement, the plugins
 * driven as a runtime drives them against the node agent on the real kernel and a real etcd: GC
 * collects exactly the attachments the runtime no longer lists, STATUS follows the agent, labels
 * reach the endpoint key, and a late DEL of a pod's old sandbox leaves the new one working.
 */
@RealEtcd
class CniGcStatusIT {

    @Test
    void gcRemovesTheStaleAttachmentAndKeepsTheValidOne(EtcdServer etcd) throws IOException {
        try (NodeAgentFixture agent = new NodeAgentFixture()) {
            agent.start(etcd);
            String keptNs = agent.host.newNamespace("cnif-keep");
            String staleNs = agent.host.newNamespace("cnif-stale");
            Outcome kept = agent.plugin("ADD", "c-keep", keptNs, "keep");
            Outcome stale = agent.plugin("ADD", "c-stale", staleNs, "stale");
            assertThat(kept.exitCode()).as(kept.stdout()).isZero();
            assertThat(stale.exitCode()).as(stale.stdout()).isZero();

            Outcome gc = agent.gc("c-keep");

            assertThat(gc.exitCode()).as(gc.stdout()).isZero();
            assertThat(gc.stdout()).isBlank();
            assertThat(agent.backend().get(handlePath("c-stale"))).isEmpty();
            assertThat(agent.backend().get(endpointPath("stale"))).isEmpty();
            assertThat(agent.links.get(agent.nodeNs(), veth("stale"))).isEmpty();
            assertThat(agent.backend().list("/calico/ipam/v2/assignment/").kvs())
                    .noneMatch(kv -> kv.value().contains("c-stale"));
            assertThat(agent.backend().get(handlePath("c-keep"))).isPresent();
            assertThat(agent.backend().get(endpointPath("keep"))).isPresent();
            assertThat(agent.links.get(agent.nodeNs(), veth("keep"))).isPresent();
            Outcome check = agent.plugin("CHECK", "c-keep", keptNs, "keep", kept.stdout());
            assertThat(check.exitCode()).as("the kept attachment is intact: %s", check.stdout()).isZero();
        }
    }

    @Test
    void statusIsOkWhileTheAgentServesAndPluginNotAvailableOnceItStops(EtcdServer etcd) throws IOException {
        try (NodeAgentFixture agent = new NodeAgentFixture()) {
            agent.start(etcd);
            Outcome up = agent.status();
            assertThat(up.exitCode()).as(up.stdout()).isZero();

            agent.stopAgent();
            Outcome down = agent.status();

            assertThat(down.exitCode()).isNotZero();
            assertThat(down.stdout()).contains("\"code\":50").contains("not reachable");
        }
    }

    @Test
    void aRepeatedAddAnswersTheSameAttachmentAndLabelsAreStored(EtcdServer etcd) throws IOException {
        try (NodeAgentFixture agent = new NodeAgentFixture()) {
            agent.start(etcd);
            String pod = agent.host.newNamespace("cnif-again");
            String labels = ",\"args\":{\"cni\":{\"labels\":[{\"key\":\"app\",\"value\":\"shop\"},"
                    + "{\"key\":\"tier\",\"value\":\"front\"}]}}";
            Outcome first = agent.pluginWith("ADD", "c-again", pod, "again", "{\"type\":\"tabby-ipam\"}", labels);
            Outcome second = agent.pluginWith("ADD", "c-again", pod, "again", "{\"type\":\"tabby-ipam\"}", labels);

            assertThat(first.exitCode()).as(first.stdout()).isZero();
            assertThat(second.exitCode()).as(second.stdout()).isZero();
            assertThat(second.stdout()).isEqualTo(first.stdout());
            assertThat(agent.backend().list("/calico/ipam/v2/assignment/").kvs().stream()
                    .mapToLong(kv -> kv.value().split("\"handle_id\":\"k8s-pod-network.c-again\"", -1).length - 1)
                    .sum()).as("one attribute entry for the handle").isEqualTo(1);
            assertThat(agent.backend().get(endpointPath("again")).orElseThrow().value()).contains(
                    "\"labels\":{\"app\":\"shop\",\"projectcalico.org/namespace\":\"it\","
                            + "\"projectcalico.org/orchestrator\":\"k8s\",\"tier\":\"front\"}");
            assertThat(agent.plugin("DEL", "c-again", pod, "again").exitCode()).isZero();
        }
    }

    @Test
    void theIpamPluginOnlyAssignsAndReleases(EtcdServer etcd) throws IOException {
        try (NodeAgentFixture agent = new NodeAgentFixture()) {
            agent.start(etcd);
            String pod = agent.host.newNamespace("cnif-ipam");

            Outcome add = agent.ipamPlugin("ADD", "c-ipam", pod, "ipam-only");

            assertThat(add.exitCode()).as(add.stdout()).isZero();
            assertThat(add.stdout()).startsWith("{\"cniVersion\":\"0.4.0\"").doesNotContain("interfaces");
            assertThat(add.address()).isNotEmpty();
            assertThat(add.address6()).isNotEmpty();
            assertThat(agent.backend().get(handlePath("c-ipam"))).isPresent();
            assertThat(agent.links.get(agent.nodeNs(), veth("ipam-only"))).isEmpty();
            assertThat(agent.backend().get(endpointPath("ipam-only"))).isEmpty();

            Outcome del = agent.ipamPlugin("DEL", "c-ipam", pod, "ipam-only");
            assertThat(del.exitCode()).as(del.stdout()).isZero();
            assertThat(agent.backend().get(handlePath("c-ipam"))).isEmpty();
        }
    }

    @Test
    void aLateDelOfAnOldSandboxLeavesTheNewSandboxWorking(EtcdServer etcd) throws IOException {
        try (NodeAgentFixture agent = new NodeAgentFixture()) {
            agent.start(etcd);
            String oldNs = agent.host.newNamespace("cnif-sbx-old");
            String newNs = agent.host.newNamespace("cnif-sbx-new");
            Outcome old = agent.plugin("ADD", "c-sbx-old", oldNs, "sbx");
            Outcome fresh = agent.plugin("ADD", "c-sbx-new", newNs, "sbx");
            assertThat(old.exitCode()).as(old.stdout()).isZero();
            assertThat(fresh.exitCode()).as(fresh.stdout()).isZero();

            Outcome lateDel = agent.plugin("DEL", "c-sbx-old", oldNs, "sbx");

            assertThat(lateDel.exitCode()).as(lateDel.stdout()).isZero();
            assertThat(agent.backend().get(handlePath("c-sbx-old"))).isEmpty();
            Outcome check = agent.plugin("CHECK", "c-sbx-new", newNs, "sbx", fresh.stdout());
            assertThat(check.exitCode()).as("the new sandbox is intact: %s", check.stdout()).isZero();
            assertThat(agent.plugin("DEL", "c-sbx-new", newNs, "sbx").exitCode()).isZero();
            assertThat(agent.links.get(agent.nodeNs(), veth("sbx"))).isEmpty();
        }
    }
}
