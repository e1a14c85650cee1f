package io.tabby.testkit.etcd;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real etcd a test talks to, injected by {@link RealEtcd}. Usually a process this testkit
 * started on free loopback ports; otherwise the endpoints in {@code TABBY_TEST_ETCD} or an etcd
 * container.
 */
public interface EtcdServer {

    /** Client URLs, for example {@code http://127.0.0.1:23791} ({@code https://} with TLS). */
    List<String> endpoints();

    /** CA, client certificate and client key when the server requires TLS client certificates. */
    Optional<TlsFiles> tls();

    /** The root user's credentials when authentication is enabled. */
    Optional<Credentials> rootCredentials();

    /** Stops the server (by PID, SIGTERM then SIGKILL) keeping its data, for outage tests. */
    void stop();

    /** Starts a stopped server again on the same ports and data, and waits until it is healthy. */
    void start();

    /** Whether {@link #stop()} and {@link #start()} are possible (not for external endpoints). */
    boolean controllable();

    /** The store's current revision. */
    long currentRevision();

    /** Compacts the store's history up to {@code revision}. */
    void compact(long revision);

    /**
     * Runs {@code etcdctl} (API v3) against this server with the right endpoint, TLS and auth
     * flags prepended, and returns its standard output.
     *
     * @throws IllegalStateException when etcdctl exits non-zero (its stderr in the message)
     */
    String etcdctl(String... args);

    /** Files for a TLS client. */
    record TlsFiles(Path caCert, Path clientCert, Path clientKey) {}

    /** A user name and password. */
    record Credentials(String user, String password) {}
}
