package io.tabby.node.cni;

import static io.tabby.node.cni.CniTestBed.endpointKey;
import static io.tabby.node.cni.CniTestBed.handleKey;
import static io.tabby.node.cni.CniTestBed.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.spec.CniException;
import org.junit.jupiter.api.Test;

/**
 * A k8s pod's endpoint key and veth name stay the same when the runtime replaces its sandbox
 * (new container id): whatever comes late for the old sandbox must leave the new one attached.
 */
class WorkloadCniServiceSandboxTest {
    private final CniTestBed bed = new CniTestBed().pool("10.65.0.0/16", null);

    @Test
    void aNewSandboxOfThePodKeepsItsVethWhenTheOldSandboxIsCollected() throws CniException {
        bed.service.add(bed.add("old-sandbox", "p1"));
        bed.service.add(bed.add("new-sandbox", "p1"));

        bed.service.gc(CniTestBed.gc("new-sandbox"));

        assertThat(bed.backend.get(handleKey("old-sandbox"))).isEmpty();
        assertThat(bed.backend.get(handleKey("new-sandbox"))).isPresent();
        assertThat(bed.backend.get(endpointKey("p1"))).isPresent();
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p1"))).isPresent();
    }

    @Test
    void aLateDelOfTheOldSandboxLeavesTheNewSandboxAttached() throws CniException {
        bed.service.add(bed.add("old-sandbox", "p1"));
        bed.service.add(bed.add("new-sandbox", "p1"));

        for (int i = 0; i < 2; i++) {
            bed.service.del(bed.request("DEL", "old-sandbox", "p1", "{\"type\":\"tabby-ipam\"}", ""));
        }

        assertThat(bed.backend.get(handleKey("old-sandbox"))).isEmpty();
        assertThat(bed.backend.get(handleKey("new-sandbox"))).isPresent();
        assertThat(bed.backend.get(endpointKey("p1"))).isPresent();
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p1"))).isPresent();
        bed.service.del(bed.request("DEL", "new-sandbox", "p1", "{\"type\":\"tabby-ipam\"}", ""));
        assertThat(bed.backend.get(endpointKey("p1"))).isEmpty();
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p1"))).isEmpty();
    }
}
