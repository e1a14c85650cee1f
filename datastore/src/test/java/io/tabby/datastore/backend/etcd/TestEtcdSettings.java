package io.tabby.datastore.backend.etcd;

import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.testkit.etcd.EtcdServer;
import java.time.Duration;

/** Settings that reach a testkit etcd the way a Tabby component would: its TLS files and root user. */
final class TestEtcdSettings {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private TestEtcdSettings() {
    }

    static EtcdSettings of(EtcdServer etcd) {
        EtcdSettings settings = EtcdSettings.of(etcd.endpoints()).withTimeouts(REQUEST_TIMEOUT, CONNECT_TIMEOUT);
        if (etcd.tls().isPresent()) {
            EtcdServer.TlsFiles files = etcd.tls().get();
            settings = settings.withTls(files.caCert(), files.clientCert(), files.clientKey());
        }
        if (etcd.rootCredentials().isPresent()) {
            EtcdServer.Credentials root = etcd.rootCredentials().get();
            settings = settings.withAuth(root.user(), root.password());
        }
        return settings;
    }
}
