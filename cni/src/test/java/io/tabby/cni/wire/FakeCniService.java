package io.tabby.cni.wire;

import io.tabby.cni.result.CniInterface;
import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.Dns;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.result.Route;
import io.tabby.cni.spec.CniException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link CniService} for tests: records every request and answers ADD with {@link #RESULT};
 * {@link #failWith} makes every call throw the given exception instead.
 */
public final class FakeCniService implements CniService {
    public static final CniResult RESULT = new CniResult(
            List.of(new CniInterface("cali1b2c3d4e5f6", Optional.of("ee:ee:ee:ee:ee:ee"), Optional.empty(), 0),
                    new CniInterface("eth0", Optional.of("0a:58:0a:41:00:05"), Optional.of("/var/run/netns/pod1"), 0)),
            List.of(new IpConfig("10.65.0.5/32", Optional.empty(), OptionalInt.of(1))),
            List.of(new Route("0.0.0.0/0", Optional.of("169.254.1.1"))),
            Dns.EMPTY);

    private final List<CniRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Exception failure;

    public List<CniRequest> requests() {
        return requests;
    }

    public void failWith(Exception failure) {
        this.failure = failure;
    }

    private void record(CniRequest request) throws CniException {
        requests.add(request);
        Exception f = failure;
        if (f instanceof CniException c) {
            throw c;
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
    }

    @Override
    public CniResult add(CniRequest request) throws CniException {
        record(request);
        return RESULT;
    }

    @Override
    public void del(CniRequest request) throws CniException {
        record(request);
    }

    @Override
    public void check(CniRequest request) throws CniException {
        record(request);
    }

    @Override
    public void gc(CniRequest request) throws CniException {
        record(request);
    }

    @Override
    public void status(CniRequest request) throws CniException {
        record(request);
    }
}
