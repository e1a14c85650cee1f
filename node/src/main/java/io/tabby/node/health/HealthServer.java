package io.tabby.node.health;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tabby.node.metrics.MetricRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code /liveness}, {@code /readiness} and {@code /metrics} over HTTP/1.1 on the JDK's server. GET
 * and HEAD only; probes answer 200 when passing and 503 otherwise, with {@link HealthReport#text()}
 * as the body.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(HealthServer.class);
    private static final String PLAIN = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code settings.host():settings.port()} and starts serving. */
    public static HealthServer start(HealthSettings settings, HealthChecks checks, MetricRegistry metrics) {
        requireNonNull(settings, "settings is null");
        requireNonNull(checks, "checks is null");
        requireNonNull(metrics, "metrics is null");
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("health host '" + settings.host() + "' does not resolve;"
                    + " set TABBY_HEALTH_HOST to an address of this host");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for health probes on " + settings.host() + ":"
                    + settings.port() + " (" + e.getMessage() + "); set TABBY_HEALTH_PORT to a free port", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/liveness", exchange -> probe(exchange, checks.liveness()));
        server.createContext("/readiness", exchange -> probe(exchange, checks.readiness()));
        server.createContext("/metrics", exchange -> {
            if (allowed(exchange)) {
                respond(exchange, 200, MetricRegistry.CONTENT_TYPE, metrics.render());
            }
        });
        server.createContext("/", exchange -> {
            if (allowed(exchange)) {
                respond(exchange, 404, PLAIN, "not found: " + exchange.getRequestURI().getPath()
                        + "; try /liveness, /readiness or /metrics\n");
            }
        });
        server.start();
        LOG.info("health and metrics on http://{}:{}/ (liveness, readiness, metrics)", settings.host(),
                server.getAddress().getPort());
        return new HealthServer(server, executor);
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void probe(HttpExchange exchange, HealthReport report) throws IOException {
        if (allowed(exchange)) {
            if (!exchange.getRequestURI().getPath().equals("/" + report.probe())) {
                respond(exchange, 404, PLAIN, "not found: " + exchange.getRequestURI().getPath() + "\n");
                return;
            }
            respond(exchange, report.passing() ? 200 : 503, PLAIN, report.text());
        }
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, PLAIN, "method " + method + " not allowed; use GET\n");
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
