package io.tabby.datastore.backend.etcd;

import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.PermissionDeniedException;
import io.tabby.datastore.backend.UnavailableException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what jetcd and gRPC throw into the typed datastore exceptions, with messages that say
 * which etcd was asked, what went wrong and what to check. etcd reports most conditions as a
 * gRPC status plus a fixed "etcdserver: ..." text, so both are looked at.
 */
final class EtcdErrors {

    private static final String CHECK_ENDPOINTS = "is it running? check --etcd-endpoints/ETCD_ENDPOINTS";

    private final String endpoints;
    private final Duration timeout;
    private final Optional<String> user;
    private final Runnable onUnreachable;

    /**
     * @param onUnreachable runs whenever a call finds etcd unreachable (to hurry the reconnect)
     */
    EtcdErrors(String endpoints, Duration timeout, Optional<String> user, Runnable onUnreachable) {
        this.endpoints = requireNonNull(endpoints, "endpoints is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.user = requireNonNull(user, "user is null");
        this.onUnreachable = requireNonNull(onUnreachable, "onUnreachable is null");
    }

    /** The caller's wait ran out. */
    UnavailableException timedOut(String operation) {
        return new UnavailableException("etcd at " + endpoints + " did not answer " + operation + " within "
                + seconds(timeout) + ": " + CHECK_ENDPOINTS);
    }

    /**
     * Maps a failure of {@code operation}. {@code revision} is the revision the call asked for
     * (0 for none), used when etcd says it was compacted.
     */
    RuntimeException map(Throwable failure, String operation, long revision) {
        if (failure instanceof DatastoreException typed) {
            return typed;
        }
        if (failure instanceof io.etcd.jetcd.common.exception.CompactedException compacted) {
            return new CompactedException(revision, compacted.getCompactedRevision());
        }
        Status.Code code = code(failure);
        String description = description(failure);
        String lower = description.toLowerCase(Locale.ROOT);
        if (lower.contains("required revision has been compacted")) {
            return new CompactedException(revision, revision + 1);
        }
        if (isAuthFailure(code, lower)) {
            return new PermissionDeniedException("etcd at " + endpoints + " refused " + operation
                    + user.map(u -> " for user " + u).orElse(" (no user given)") + ": " + description
                    + ": check ETCD_USERNAME/ETCD_PASSWORD and the user's etcd roles", failure);
        }
        if (code == Status.Code.NOT_FOUND && lower.contains("lease not found")) {
            return new NotFoundException(operation, "etcd has no such lease (expired or revoked) for " + operation);
        }
        if (code == Status.Code.INVALID_ARGUMENT || code == Status.Code.OUT_OF_RANGE) {
            return new IllegalArgumentException("etcd rejected " + operation + ": " + description, failure);
        }
        if (code == Status.Code.DEADLINE_EXCEEDED) {
            return new UnavailableException("etcd at " + endpoints + " did not answer " + operation + " within "
                    + seconds(timeout) + ": " + CHECK_ENDPOINTS, failure);
        }
        Optional<SSLException> tls = cause(failure, SSLException.class);
        if (tls.isPresent()) {
            return new UnavailableException("TLS handshake with etcd at " + endpoints + " failed during " + operation
                    + " (" + tls.get().getMessage() + "): check ETCD_CA_CERT_FILE, ETCD_CERT_FILE and ETCD_KEY_FILE",
                    failure);
        }
        if (lower.contains("database space exceeded")) {
            return new UnavailableException("etcd at " + endpoints + " is out of space (NOSPACE alarm) and refused "
                    + operation + ": compact and defragment etcd, then disarm the alarm", failure);
        }
        String reason = cause(failure, ConnectException.class).map(Throwable::getMessage).orElse(description);
        onUnreachable.run();
        return new UnavailableException("cannot reach etcd at " + endpoints + " for " + operation + " (" + reason
                + "): " + CHECK_ENDPOINTS, failure);
    }

    private static boolean isAuthFailure(Status.Code code, String description) {
        return code == Status.Code.PERMISSION_DENIED
                || code == Status.Code.UNAUTHENTICATED
                || description.contains("permission denied")
                || description.contains("authentication failed")
                || description.contains("user name is empty")
                || description.contains("user name not found")
                || description.contains("invalid auth token");
    }

    private static Status.Code code(Throwable failure) {
        if (failure instanceof EtcdException etcd) {
            return Status.Code.valueOf(etcd.getErrorCode().name());
        }
        return Status.fromThrowable(failure).getCode();
    }

    /** The first message along the cause chain (jetcd often wraps a status with no text of its own). */
    private static String description(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Status status = Status.fromThrowable(t);
            String text = status.getDescription() != null ? status.getDescription() : t.getMessage();
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
