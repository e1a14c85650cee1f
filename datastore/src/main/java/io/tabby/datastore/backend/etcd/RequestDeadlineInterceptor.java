package io.tabby.datastore.backend.etcd;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every unary etcd call a gRPC deadline of the request timeout. Waiting on the future
 * alone would bound the caller but leave the call queued in the channel, where a write could
 * still reach etcd long after its caller gave up; a deadline cancels it at the source. Streams
 * (watch, lease keep-alive) live longer than one request and are left alone.
 */
final class RequestDeadlineInterceptor implements ClientInterceptor {

    private final Duration timeout;

    RequestDeadlineInterceptor(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null) {
            return next.newCall(method, options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        return next.newCall(method, options);
    }
}
