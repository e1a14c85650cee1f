package io.tabby.node.it;

import static io.tabby.node.it.NodeAgentFixture.handlePath;
import static io.tabby.node.it.NodeAgentFixture.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.node.it.NodeAgentFixture.Outcome;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** While etcd is down, ADD answers "try again later" (11) and leaves no veth; it works again after. */
@RealEtcd
class EtcdDownIT {

    @Test
    void addWhileEtcdIsDownIsTryAgainLater(EtcdServer etcd) throws IOException {
        Assumptions.assumeTrue(etcd.controllable(), "this etcd cannot be stopped by the test (TABBY_TEST_ETCD)");
        try (NodeAgentFixture agent = new NodeAgentFixture()) {
            agent.start(etcd);
            String pod = agent.host.newNamespace("down");
            etcd.stop();
            Outcome down;
            try {
                down = agent.plugin("ADD", "c-down", pod, "web-down");
            } finally {
                etcd.start();
            }

            assertThat(down.exitCode()).isNotZero();
            assertThat(down.stdout()).contains("\"code\":11").contains("etcd is not reachable");
            assertThat(agent.links.get(agent.nodeNs(), veth("web-down"))).isEmpty();

            Outcome del = agent.plugin("DEL", "c-down", pod, "web-down");
            assertThat(del.exitCode()).as(del.stdout()).isZero();
            assertThat(agent.backend().get(handlePath("c-down"))).isEmpty();
        }
    }
}
