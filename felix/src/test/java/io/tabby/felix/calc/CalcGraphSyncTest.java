package io.tabby.felix.calc;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.api.DataplaneMessage.ActivePolicyRemove;
import io.tabby.felix.api.DataplaneMessage.ActivePolicyUpdate;
import io.tabby.felix.api.DataplaneMessage.ActiveProfileUpdate;
import io.tabby.felix.api.DataplaneMessage.InSync;
import io.tabby.felix.api.DataplaneMessage.IpSetRemove;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointRemove;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalcGraphSyncTest {
    private final List<DataplaneMessage> out = new ArrayList<>();
    private final CalcGraph graph = new CalcGraph("node1", out::add);
    private long revision = 1;

    @Test
    void nothingIsEmittedBeforeTheFirstInSync() {
        graph.onStatus(SyncStatus.WAIT_FOR_DATASTORE);
        graph.onStatus(SyncStatus.RESYNC);
        put(endpointKey("node1", "default.a"), endpoint("calia", "10.65.1.1", Map.of(), "kns.default"));
        graph.flush();
        assertThat(out).isEmpty();

        graph.onStatus(SyncStatus.IN_SYNC);
        graph.flush();
        assertThat(out).last().isInstanceOf(InSync.class);
        assertThat(out).filteredOn(m -> m instanceof InSync).hasSize(1);
    }

    @Test
    void anOutageOrAResyncInProgressRemovesNothing() {
        inSyncWithEndpoint();
        graph.onStatus(SyncStatus.WAIT_FOR_DATASTORE);
        graph.flush();
        graph.onStatus(SyncStatus.RESYNC);
        delete(endpointKey("node1", "default.a"));
        graph.flush();
        assertThat(out).isEmpty();

        graph.onStatus(SyncStatus.IN_SYNC);
        graph.flush();
        assertThat(out).hasAtLeastOneElementOfType(WorkloadEndpointRemove.class);
    }

    @Test
    void referencedThingsGoFirstAndLeaveLast() {
        graph.onStatus(SyncStatus.IN_SYNC);
        put(profileRulesKey("kns.default"), allowAllProfile());
        put(policyKey("p"), "{\"inbound_rules\":[{\"action\":\"allow\",\"src_selector\":\"app == 'a'\"}],"
                + "\"selector\":\"all()\",\"types\":[\"ingress\"]}");
        put(endpointKey("node1", "default.a"), endpoint("calia", "10.65.1.1", Map.of("app", "a"), "kns.default"));
        graph.flush();
        assertThat(kinds()).containsSubsequence(IpSetUpdate.class, ActivePolicyUpdate.class,
                ActiveProfileUpdate.class, WorkloadEndpointUpdate.class, InSync.class);

        out.clear();
        delete(endpointKey("node1", "default.a"));
        graph.flush();
        assertThat(kinds()).containsSubsequence(WorkloadEndpointRemove.class, ActivePolicyRemove.class,
                IpSetRemove.class);
    }

    @Test
    void unchangedStateIsNotResent() {
        inSyncWithEndpoint();
        put(endpointKey("node1", "default.a"), endpoint("calia", "10.65.1.1", Map.of(), "kns.default"));
        put("/calico/v1/config/LogSeverityScreen", "info");
        graph.flush();
        assertThat(out).isEmpty();
    }

    @Test
    void aMalformedValueCountsAsAbsent() {
        inSyncWithEndpoint();
        put(endpointKey("node1", "default.a"), "{not json");
        graph.flush();
        assertThat(out).hasAtLeastOneElementOfType(WorkloadEndpointRemove.class);
    }

    @Test
    void otherNodesEndpointsAreNotProgrammedHere() {
        graph.onStatus(SyncStatus.IN_SYNC);
        put(endpointKey("node2", "default.z"), endpoint("caliz", "10.65.2.1", Map.of(), "kns.default"));
        graph.flush();
        assertThat(out).noneMatch(m -> m instanceof WorkloadEndpointUpdate);
    }

    private void inSyncWithEndpoint() {
        graph.onStatus(SyncStatus.IN_SYNC);
        put(endpointKey("node1", "default.a"), endpoint("calia", "10.65.1.1", Map.of(), "kns.default"));
        graph.flush();
        out.clear();
    }

    private List<Class<?>> kinds() {
        return out.stream().<Class<?>>map(Object::getClass).toList();
    }

    private void put(String key, String value) {
        graph.onUpdates(List.of(new Update(key, value, revision++)));
    }

    private void delete(String key) {
        graph.onUpdates(List.of(new Update(key, null, revision++)));
    }
}
