package io.tabby.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.cni.TabbyCniMain;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        int healthPort = freePort();
        NodeEnv env = NodeEnv.parse(Map.of("ETCD_ENDPOINTS", String.join(",", etcd.endpoints()),
                "NODENAME", "main-it", "TABBY_CNI_SOCKET", socket.toString(), "IP", "127.0.0.1",
                "TABBY_IPV4POOL_IPIP", "Never", "TABBY_HEALTH_PORT", Integer.toString(healthPort),
                "CALICO_NETWORKING_BACKEND", "none", "TABBY_DISABLE_FELIX", "true"), "unused");
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

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ready = get(http, healthPort, "/readiness");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("startup: ok", "cni: ok");
            assertThat(get(http, healthPort, "/metrics").body())
                    .contains("tabby_cni_request_duration_seconds_count{command=\"STATUS\",result=\"ok\"} 1");
        } finally {
            stop.countDown();
            agent.join(Duration.ofSeconds(20));
        }
        assertThat(agent.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(socket).doesNotExist();
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
