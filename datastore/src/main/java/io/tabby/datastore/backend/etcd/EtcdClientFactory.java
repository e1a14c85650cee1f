package io.tabby.datastore.backend.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import io.tabby.datastore.backend.EtcdSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Builds the jetcd client from {@link EtcdSettings}. The choices that matter:
 * <ul>
 *   <li>{@code waitForReady(false)}: while etcd is down a call fails at once with UNAVAILABLE
 *       instead of queueing until etcd returns;</li>
 *   <li>a deadline on every unary call ({@link RequestDeadlineInterceptor}) and jetcd's own
 *       retries capped at the request timeout;</li>
 *   <li>keep-alive pings only while calls or watches are open, which is what etcd's server
 *       policy allows (idle pings get the connection closed with "too many pings").</li>
 * </ul>
 */
final class EtcdClientFactory {

    private static final Duration KEEPALIVE_TIME = Duration.ofSeconds(10);
    private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

    private EtcdClientFactory() {
    }

    static Client create(EtcdSettings settings, EtcdEndpoints endpoints) {
        ClientBuilder builder = Client.builder()
                .endpoints(endpoints.uris())
                .connectTimeout(settings.connectTimeout())
                .waitForReady(false)
                .retryMaxDuration(settings.requestTimeout())
                .keepaliveTime(KEEPALIVE_TIME)
                .keepaliveTimeout(settings.requestTimeout())
                .keepaliveWithoutCalls(false)
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .interceptor(new RequestDeadlineInterceptor(settings.requestTimeout()));
        if (endpoints.tls()) {
            configureTls(builder, settings);
        }
        if (settings.username().isPresent()) {
            builder.user(ByteSequence.from(settings.username().get(), StandardCharsets.UTF_8))
                    .password(ByteSequence.from(settings.password().orElseThrow(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static void configureTls(ClientBuilder builder, EtcdSettings settings) {
        X509Certificate[] trusted = settings.caCertFile()
                .map(file -> PemFiles.certificates(file).toArray(X509Certificate[]::new))
                .orElse(null);
        PrivateKey key = settings.keyFile().map(PemFiles::privateKey).orElse(null);
        X509Certificate[] chain = settings.certFile()
                .map(file -> PemFiles.certificates(file).toArray(X509Certificate[]::new))
                .orElse(null);
        try {
            builder.sslContext((SslContextBuilder ssl) -> {
                if (trusted != null) {
                    ssl.trustManager(trusted);
                }
                if (key != null) {
                    ssl.keyManager(key, chain);
                }
            });
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set up TLS for etcd with CA " + describe(settings.caCertFile())
                    + ", certificate " + describe(settings.certFile()) + " and key " + describe(settings.keyFile())
                    + ": " + e.getMessage(), e);
        }
    }

    private static String describe(java.util.Optional<Path> file) {
        return file.map(Path::toString).orElse("(none)");
    }
}
