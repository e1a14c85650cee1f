package io.tabby.ctl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** With no etcd listening, tabbyctl fails with a message naming the endpoints, within its timeouts: it never hangs. */
class TabbyctlUnreachableIT {

    @Test
    void unreachableEndpointGivesAClearErrorPromptly() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // free now, and nothing listens on it once closed
        }
        String endpoint = "http://127.0.0.1:" + port;

        CompletableFuture<CtlRun> run = CompletableFuture.supplyAsync(
                () -> CtlRun.runReal("", Map.of("ETCD_ENDPOINTS", endpoint), "get", "ippools"));

        await().atMost(Duration.ofSeconds(30)).until(run::isDone);
        CtlRun result = run.join();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Failed to execute command: ")
                .contains(endpoint).contains("(endpoints from ETCD_ENDPOINTS)");
    }
}
