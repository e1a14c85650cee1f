package io.tabby.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.testing.ManualClock;
import io.tabby.node.metrics.MetricRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real JDK HTTP server on a free loopback port, asked by the JDK's HTTP client. */
class HealthServerTest {

    private final HealthChecks checks = new HealthChecks();
    private final MetricRegistry metrics = new MetricRegistry();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HealthServer server = HealthServer.start(new HealthSettings(true, "127.0.0.1", 0), checks, metrics);

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void probesAnswer503UntilEveryComponentIsReady() throws Exception {
        ComponentHealth syncer = checks.component("syncer", new ManualClock());
        ComponentHealth confd = checks.component("confd", new ManualClock());
        syncer.ready();

        HttpResponse<String> notReady = call("GET", "/readiness");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(notReady.body()).isEqualTo("not ready\nsyncer: ok\nconfd: starting\n");
        assertThat(call("GET", "/liveness").statusCode()).isEqualTo(200);

        confd.ready();
        HttpResponse<String> ready = call("GET", "/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\nsyncer: ok\nconfd: ok\n");
        assertThat(call("HEAD", "/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreServedInTheTextFormat() throws Exception {
        metrics.counter("tabby_ipam_operations_total", "IPAM operations.", "operation").labels("assign").inc();

        HttpResponse<String> scrape = call("GET", "/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).isEqualTo("""
                # HELP tabby_ipam_operations_total IPAM operations.
                # TYPE tabby_ipam_operations_total counter
                tabby_ipam_operations_total{operation="assign"} 1
                """);
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(call("GET", "/nope").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/readinessx").statusCode()).isEqualTo(404);
        HttpResponse<String> post = call("POST", "/liveness");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
