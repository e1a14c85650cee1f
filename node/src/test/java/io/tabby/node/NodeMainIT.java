package io.tabby.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.cni.TabbyCniMain;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wired agent against a real etcd: serves STATUS on its socket, stops and removes the socket. */
@RealEtcd
class NodeMainIT {

    @Test
    void servesTheCniSocketUntilStopped(EtcdServer etcd, @TempDir Path dir) throws Exception {
        Path socket = dir.resolve("cni.sock");
        NodeEnv env = NodeEnv.parse(Map.of("ETCD_ENDPOINTS", String.join(",", etcd.endpoints()),
                "NODENAME", "main-it", "TABBY_CNI_SOCKET", socket.toString(), "IP", "127.0.0.1",
                "TABBY_IPV4POOL_IPIP", "Never"), "unused");
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread agent = Thread.ofPlatform().name("node-main-it").start(() -> {
            try {
                NodeMain.run(env, stop);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(socket) || !agent.isAlive());
            assertThat(failure.get()).isNull();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = TabbyCniMain.run(Map.of("CNI_COMMAND", "STATUS", "TABBY_CNI_SOCKET", socket.toString()),
                    new ByteArrayInputStream(("{\"cniVersion\":\"1.1.0\",\"name\":\"k8s-pod-network\","
                            + "\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"}}").getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            stop.countDown();
            agent.join(Duration.ofSeconds(20));
        }
        assertThat(agent.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(socket).doesNotExist();
    }
}
