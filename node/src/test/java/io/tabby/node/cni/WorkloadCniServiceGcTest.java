package io.tabby.node.cni;

import static io.tabby.node.cni.CniTestBed.endpointKey;
import static io.tabby.node.cni.CniTestBed.handleKey;
import static io.tabby.node.cni.CniTestBed.veth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PodRef;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadCniServiceGcTest {
    private final CniTestBed bed = new CniTestBed().pool("10.65.0.0/16", null).pool("fd00:65::/64", null);

    @Test
    void gcReleasesEveryAttachmentNotInTheValidListAndKeepsTheOthers() throws CniException {
        bed.service.add(bed.add("keep", "p-keep"));
        bed.service.add(bed.add("stale", "p-stale", "{\"type\":\"tabby-ipam\",\"assign_ipv6\":\"true\"}"));

        bed.service.gc(CniTestBed.gc("keep"));

        assertThat(bed.backend.get(handleKey("stale"))).isEmpty();
        assertThat(bed.backend.get(endpointKey("p-stale"))).isEmpty();
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p-stale"))).isEmpty();
        assertThat(bed.backend.get(handleKey("keep"))).isPresent();
        assertThat(bed.backend.get(endpointKey("p-keep"))).isPresent();
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p-keep"))).isPresent();
        bed.service.gc(CniTestBed.gc("keep"));
        assertThat(bed.ipam.handles("")).hasSize(1);
    }

    @Test
    void gcRemovesTheVethOfAnAddThatDiedBeforeItsEndpoint() throws CniException {
        bed.service.add(bed.add("half", "p-half"));
        bed.endpoints().delete(new WorkloadIdentity(CniTestBed.NODE, CniTestBed.NETWORK, "half", "eth0",
                Optional.of(new PodRef("ns1", "p-half"))).endpointKey());

        bed.service.gc(CniTestBed.gc());

        assertThat(bed.kernel.linkOps().get(bed.host, veth("p-half"))).isEmpty();
        assertThat(bed.backend.get(handleKey("half"))).isEmpty();
    }

    @Test
    void handlesOfOtherNodesAndOtherNetworksAreNotTouched() throws CniException {
        bed.ipam.autoAssign(AssignRequest.of(1, 0, CniTestBed.NETWORK + ".elsewhere",
                AllocationAttributes.workload("ns1", "remote", "node2", "elsewhere"), "node2"));
        bed.ipam.autoAssign(AssignRequest.of(1, 0, "other-net.mine",
                AllocationAttributes.workload("ns1", "p9", CniTestBed.NODE, "mine"), CniTestBed.NODE));

        bed.service.gc(CniTestBed.gc());

        assertThat(bed.ipam.handles("")).hasSize(2);
    }

    @Test
    void gcWhileEtcdIsDownIsTryAgainLater() {
        bed.backend.setAvailable(false);

        assertThatThrownBy(() -> bed.service.gc(CniTestBed.gc())).isInstanceOfSatisfying(CniException.class,
                e -> assertThat(e.error().code()).isEqualTo(CniError.TRY_AGAIN_LATER));
    }

}
