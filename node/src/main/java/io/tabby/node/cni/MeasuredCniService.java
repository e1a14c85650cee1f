package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.wire.CniRequest;
import io.tabby.cni.wire.CniService;
import io.tabby.node.metrics.NodeMetrics;
import java.time.Duration;

/**
 * A {@link CniService} that records how long each request took and how it ended in
 * {@code tabby_cni_request_duration_seconds}: result {@code ok}, or {@code error_<code>} with the
 * CNI error code, or {@code failed} for anything else thrown.
 */
public final class MeasuredCniService implements CniService {
    private final CniService delegate;
    private final NodeMetrics metrics;

    public MeasuredCniService(CniService delegate, NodeMetrics metrics) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public CniResult add(CniRequest request) throws CniException {
        return measured("ADD", () -> delegate.add(request));
    }

    @Override
    public void del(CniRequest request) throws CniException {
        measured("DEL", () -> {
            delegate.del(request);
            return null;
        });
    }

    @Override
    public void check(CniRequest request) throws CniException {
        measured("CHECK", () -> {
            delegate.check(request);
            return null;
        });
    }

    @Override
    public void gc(CniRequest request) throws CniException {
        measured("GC", () -> {
            delegate.gc(request);
            return null;
        });
    }

    @Override
    public void status(CniRequest request) throws CniException {
        measured("STATUS", () -> {
            delegate.status(request);
            return null;
        });
    }

    private <T> T measured(String command, Call<T> call) throws CniException {
        long started = System.nanoTime();
        String result = "failed";
        try {
            T answer = call.run();
            result = "ok";
            return answer;
        } catch (CniException e) {
            result = "error_" + e.error().code();
            throw e;
        } finally {
            metrics.cniRequest(command, result, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws CniException;
    }
}
