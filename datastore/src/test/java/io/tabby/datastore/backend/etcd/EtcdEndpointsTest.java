package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdEndpointsTest {

    @Test
    void bareHostPortMeansHttp() {
        EtcdEndpoints endpoints = EtcdEndpoints.parse(List.of("127.0.0.1:2379", "10.0.0.2:22379"), false);

        assertThat(endpoints.uris())
                .containsExactly(URI.create("http://127.0.0.1:2379"), URI.create("http://10.0.0.2:22379"));
        assertThat(endpoints.tls()).isFalse();
        assertThat(endpoints.describe()).isEqualTo("http://127.0.0.1:2379,http://10.0.0.2:22379");
    }

    @Test
    void bareHostPortMeansHttpsWhenTlsFilesAreGiven() {
        EtcdEndpoints endpoints = EtcdEndpoints.parse(List.of("etcd-1:2379"), true);

        assertThat(endpoints.uris()).containsExactly(URI.create("https://etcd-1:2379"));
        assertThat(endpoints.tls()).isTrue();
    }

    @Test
    void missingPortIsTheEtcdClientPort() {
        assertThat(EtcdEndpoints.parse(List.of("https://etcd.example.com"), false).uris())
                .containsExactly(URI.create("https://etcd.example.com:2379"));
    }

    @Test
    void pathsAreDropped() {
        assertThat(EtcdEndpoints.parse(List.of("http://127.0.0.1:2379/"), false).uris())
                .containsExactly(URI.create("http://127.0.0.1:2379"));
    }

    @Test
    void mixedSchemesAreRefused() {
        assertThatThrownBy(() -> EtcdEndpoints.parse(List.of("http://a:2379", "https://b:2379"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mix http:// and https://");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> EtcdEndpoints.parse(List.of("unix:///var/run/etcd.sock"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'unix:///var/run/etcd.sock'")
                .hasMessageContaining("scheme must be http or https");
    }

    @Test
    void garbageIsRefusedWithAnExample() {
        assertThatThrownBy(() -> EtcdEndpoints.parse(List.of("http://exa mple:2379"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad etcd endpoint 'http://exa mple:2379'");
    }
}
