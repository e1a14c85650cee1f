package io.tabby.node.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.wire.CniRequest;
import io.tabby.cni.wire.CniService;
import io.tabby.node.metrics.MetricRegistry;
import io.tabby.node.metrics.NodeMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every CNI call is counted in the latency histogram under its command and how it ended. */
class MeasuredCniServiceTest {
    private final MetricRegistry registry = new MetricRegistry();
    private final NodeMetrics metrics = new NodeMetrics(registry, Map::of, Map::of);

    private final CniService failing = new CniService() {
        @Override
        public CniResult add(CniRequest request) throws CniException {
            throw new CniException(11, "try again later", "etcd is down");
        }

        @Override
        public void del(CniRequest request) {
        }

        @Override
        public void check(CniRequest request) {
            throw new IllegalStateException("broken");
        }

        @Override
        public void gc(CniRequest request) {
        }

        @Override
        public void status(CniRequest request) {
        }
    };

    @Test
    void okErrorCodeAndFailureAreTheResults() throws Exception {
        CniService measured = new MeasuredCniService(failing, metrics);

        assertThatThrownBy(() -> measured.add(null)).isInstanceOf(CniException.class);
        measured.del(null);
        measured.del(null);
        assertThatThrownBy(() -> measured.check(null)).isInstanceOf(IllegalStateException.class);

        assertThat(registry.render()).contains(
                "tabby_cni_request_duration_seconds_count{command=\"ADD\",result=\"error_11\"} 1",
                "tabby_cni_request_duration_seconds_count{command=\"DEL\",result=\"ok\"} 2",
                "tabby_cni_request_duration_seconds_count{command=\"CHECK\",result=\"failed\"} 1");
    }
}
