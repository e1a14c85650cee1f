package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.UnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No etcd at all: nothing listening, or a listener that never answers. Calls must fail, never hang. */
class EtcdBackendUnreachableIT {

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void nothingListeningIsUnavailable() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;

        try (Backend backend = connect(endpoint)) {
            failsWithin(backend, endpoint,
                    "cannot reach etcd at " + endpoint + " for get /calico/v1/config/LogSeverity");
            assertThatThrownBy(() -> backend.create("/calico/v1/config/LogSeverity", "info"))
                    .isInstanceOf(UnavailableException.class);
            assertThatThrownBy(backend::currentRevision).isInstanceOf(UnavailableException.class);
        }
    }

    @Test
    void aListenerThatNeverAnswersIsUnavailableAfterTheTimeout() throws IOException {
        // the kernel completes TCP handshakes for the backlog; nobody ever reads or writes
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "127.0.0.1:" + blackHole.getLocalPort();

            try (Backend backend = connect(endpoint)) {
                failsWithin(backend, "http://" + endpoint,
                        "did not answer get /calico/v1/config/LogSeverity within 2s");
            }
        }
    }

    @Test
    void aWatchOnUnreachableEtcdReportsOneError() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RecordingListener listener = new RecordingListener();

        try (Backend backend = connect("http://127.0.0.1:" + port)) {
            backend.watch("/calico/", 1, listener);
            await().atMost(BOUND).until(() -> !listener.errors.isEmpty());
        }

        assertThat(listener.errors).singleElement().isInstanceOf(UnavailableException.class);
        assertThat(listener.events()).isEmpty();
    }

    private static Backend connect(String endpoint) {
        return EtcdBackend.connect(EtcdSettings.of(List.of(endpoint)).withTimeouts(TIMEOUT, TIMEOUT));
    }

    private static void failsWithin(Backend backend, String endpoint, String what) {
        await().atMost(BOUND).until(() -> {
            assertThatThrownBy(() -> backend.get("/calico/v1/config/LogSeverity"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("etcd at " + endpoint)
                    .hasMessageContaining(what)
                    .hasMessageEndingWith("is it running? check --etcd-endpoints/ETCD_ENDPOINTS");
            return true;
        });
    }
}
