package io.tabby.datastore.backend;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach etcd: what {@code ETCD_ENDPOINTS}, {@code ETCD_CA_CERT_FILE},
 * {@code ETCD_CERT_FILE}, {@code ETCD_KEY_FILE}, {@code ETCD_USERNAME} and {@code ETCD_PASSWORD}
 * say, plus timeouts.
 *
 * @param endpoints client URLs such as {@code http://127.0.0.1:2379}; a bare {@code host:port}
 *     means {@code http://} (or {@code https://} when TLS files are given)
 * @param caCertFile CA bundle that signs the server certificates; enables TLS
 * @param certFile client certificate (PEM), with {@code keyFile}
 * @param keyFile client private key (PEM, PKCS#8 or PKCS#1)
 * @param username user for etcd authentication, with {@code password}
 * @param password password for {@code username}
 * @param requestTimeout bound on every call
 * @param connectTimeout bound on establishing a connection
 */
public record EtcdSettings(
        List<String> endpoints,
        Optional<Path> caCertFile,
        Optional<Path> certFile,
        Optional<Path> keyFile,
        Optional<String> username,
        Optional<String> password,
        Duration requestTimeout,
        Duration connectTimeout) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    public EtcdSettings {
        endpoints = List.copyOf(requireNonNull(endpoints, "endpoints is null"));
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no etcd endpoints given");
        }
        requireNonNull(caCertFile, "caCertFile is null");
        requireNonNull(certFile, "certFile is null");
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs its key and the key its certificate"
                    + " (set both ETCD_CERT_FILE and ETCD_KEY_FILE)");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("etcd authentication needs both a username and a password");
        }
    }

    /** Plain connection to {@code endpoints}, default timeouts. */
    public static EtcdSettings of(List<String> endpoints) {
        return new EtcdSettings(endpoints, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    }

    public boolean tls() {
        return caCertFile.isPresent() || certFile.isPresent();
    }

    public EtcdSettings withTls(Path caCert, Path cert, Path key) {
        return new EtcdSettings(endpoints, Optional.ofNullable(caCert), Optional.ofNullable(cert),
                Optional.ofNullable(key), username, password, requestTimeout, connectTimeout);
    }

    public EtcdSettings withAuth(String user, String pass) {
        return new EtcdSettings(endpoints, caCertFile, certFile, keyFile, Optional.of(user), Optional.of(pass),
                requestTimeout, connectTimeout);
    }

    public EtcdSettings withTimeouts(Duration request, Duration connect) {
        return new EtcdSettings(endpoints, caCertFile, certFile, keyFile, username, password, request, connect);
    }
}
