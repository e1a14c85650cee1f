package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.common.exception.EtcdExceptionFactory;
import io.grpc.Status;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.PermissionDeniedException;
import io.tabby.datastore.backend.UnavailableException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class EtcdErrorsTest {

    private final AtomicInteger nudges = new AtomicInteger();
    private final EtcdErrors errors = new EtcdErrors("http://127.0.0.1:2379", Duration.ofSeconds(5),
            Optional.of("felix"), nudges::incrementAndGet);

    @Test
    void timeoutNamesEndpointsBoundAndWhatToCheck() {
        assertThat(errors.timedOut("get /calico/v1/x")).hasMessage("etcd at http://127.0.0.1:2379 did not answer "
                + "get /calico/v1/x within 5s: is it running? check --etcd-endpoints/ETCD_ENDPOINTS");
    }

    @Test
    void deadlineExceededIsUnavailable() {
        RuntimeException mapped = errors.map(Status.DEADLINE_EXCEEDED.asRuntimeException(), "get /a", 0);

        assertThat(mapped).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("did not answer get /a within 5s");
    }

    @Test
    void connectionRefusedIsUnavailableAndSaysSo() {
        var refused = Status.UNAVAILABLE.withDescription("io exception")
                .withCause(new ConnectException("Connection refused: /127.0.0.1:2379")).asRuntimeException();

        RuntimeException mapped = errors.map(EtcdExceptionFactory.toEtcdException(refused), "put /a", 0);

        assertThat(mapped).isInstanceOf(UnavailableException.class)
                .hasMessage("cannot reach etcd at http://127.0.0.1:2379 for put /a (Connection refused: "
                        + "/127.0.0.1:2379): is it running? check --etcd-endpoints/ETCD_ENDPOINTS");
        assertThat(nudges).hasValue(1);
    }

    @Test
    void tlsFailureIsUnavailableAndPointsAtTheFiles() {
        var handshake = Status.UNAVAILABLE.withCause(new SSLHandshakeException("bad certificate")).asRuntimeException();

        RuntimeException mapped = errors.map(handshake, "get /a", 0);

        assertThat(mapped).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("TLS handshake with etcd at http://127.0.0.1:2379 failed")
                .hasMessageContaining("ETCD_CA_CERT_FILE");
    }

    @Test
    void permissionDeniedNamesTheUser() {
        var denied = Status.PERMISSION_DENIED.withDescription("etcdserver: permission denied").asRuntimeException();

        RuntimeException mapped = errors.map(denied, "put /calico/v1/x", 0);

        assertThat(mapped).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("refused put /calico/v1/x for user felix")
                .hasMessageContaining("ETCD_USERNAME");
        assertThat(nudges).hasValue(0);
    }

    @Test
    void badPasswordIsPermissionDenied() {
        var wrong = Status.INVALID_ARGUMENT
                .withDescription("etcdserver: authentication failed, invalid user ID or password").asRuntimeException();
        var jetcd = EtcdExceptionFactory.toEtcdException(Status.UNAUTHENTICATED.withCause(wrong));

        RuntimeException mapped = errors.map(jetcd, "get /a", 0);

        assertThat(mapped).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    void missingUserOnASecuredEtcdIsPermissionDenied() {
        var anonymous = Status.INVALID_ARGUMENT.withDescription("etcdserver: user name is empty").asRuntimeException();

        assertThat(errors.map(anonymous, "get /a", 0)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void compactedReadKeepsTheRequestedRevision() {
        var compacted = Status.OUT_OF_RANGE.withDescription("etcdserver: mvcc: required revision has been compacted")
                .asRuntimeException();

        RuntimeException mapped = errors.map(compacted, "list /a at revision 7", 7);

        assertThat(mapped).isInstanceOfSatisfying(CompactedException.class,
                e -> assertThat(e.requestedRevision()).isEqualTo(7));
    }

    @Test
    void compactedWatchCarriesTheCompactRevision() {
        RuntimeException mapped = errors.map(EtcdExceptionFactory.newCompactedException(42), "watch /a", 7);

        assertThat(mapped).isInstanceOfSatisfying(CompactedException.class, e -> {
            assertThat(e.requestedRevision()).isEqualTo(7);
            assertThat(e.compactRevision()).isEqualTo(42);
        });
    }

    @Test
    void missingLeaseIsNotFound() {
        var gone = Status.NOT_FOUND.withDescription("etcdserver: requested lease not found").asRuntimeException();

        assertThat(errors.map(gone, "put /a", 0)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void requestEtcdRejectsIsTheCallersMistake() {
        var duplicate = Status.INVALID_ARGUMENT.withDescription("etcdserver: duplicate key given in txn request")
                .asRuntimeException();

        assertThat(errors.map(duplicate, "transaction of 2 ops", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etcd rejected transaction of 2 ops: etcdserver: duplicate key given in txn request");
    }
}
