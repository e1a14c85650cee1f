package io.tabby.felix.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.api.DataplaneMessage.InSync;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.IpSetKind;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataplaneLoopTest {
    private static final NetNs NS = NetNs.named("n");

    @Test
    void appliesQueuedBatchesOnItsThreadOnlyAfterInSync() {
        FakeKernel kernel = new FakeKernel().addNamespace(NS);
        Dataplane dataplane = new Dataplane(KernelOps.fake(kernel, NS, IptablesBackend.NFT), RulesConfig.DEFAULTS,
                "cali", "node1");
        try (DataplaneLoop loop = new DataplaneLoop(dataplane, Duration.ofSeconds(60), Duration.ofMillis(50))) {
            loop.start();
            loop.send(List.<DataplaneMessage>of(new IpSetUpdate("s:x", IpSetKind.HASH_IP, Set.of("10.0.0.1"))));
            await().atMost(Duration.ofSeconds(10)).until(() -> loop.applies() > 0);
            assertThat(kernel.ipsetOps().listNames(NS)).isEmpty();
            assertThat(loop.syncedApplies()).isZero();

            loop.send(List.of(new InSync()));
            await().atMost(Duration.ofSeconds(10)).until(() -> loop.syncedApplies() > 0);
            assertThat(kernel.ipsetOps().members(NS, "cali40s:x")).containsExactly("10.0.0.1");
        }
    }

    @Test
    void observerHearsOfPassesWithWorkOnly() {
        FakeKernel kernel = new FakeKernel().addNamespace(NS);
        Dataplane dataplane = new Dataplane(KernelOps.fake(kernel, NS, IptablesBackend.NFT), RulesConfig.DEFAULTS,
                "cali", "node1");
        List<Boolean> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DataplaneLoop loop = new DataplaneLoop(dataplane, Duration.ofSeconds(60), Duration.ofMillis(50))) {
            loop.observe((took, failed) -> {
                assertThat(took.isNegative()).isFalse();
                heard.add(failed);
            });
            loop.start();
            loop.send(List.<DataplaneMessage>of(new IpSetUpdate("s:x", IpSetKind.HASH_IP, Set.of("10.0.0.1"))));
            await().atMost(Duration.ofSeconds(10)).until(() -> loop.applies() > 0);
            assertThat(heard).as("nothing to do before in-sync").isEmpty();

            loop.send(List.of(new InSync()));
            await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
            assertThat(heard).containsOnly(false);
            assertThat(dataplane.failures()).isZero();
        }
    }
}
