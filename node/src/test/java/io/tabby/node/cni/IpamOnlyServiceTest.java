package io.tabby.node.cni;

import static io.tabby.node.cni.CniTestBed.handleKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.result.ResultWriter;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.CniVersion;
import io.tabby.cni.spec.PluginKind;
import io.tabby.cni.wire.CniRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tabby-ipam plugin (calico-ipam configs too): addresses only, never the kernel. */
class IpamOnlyServiceTest {
    private final CniTestBed bed = new CniTestBed().pool("10.65.0.0/16", null).pool("fd00:65::/64", null);

    @Test
    void addAssignsBothFamiliesAndAnswersOnlyIpsWithoutTouchingTheKernel() throws CniException {
        CniResult result = bed.service.add(bed.ipamRequest("ADD", "c1", "p1", ""));

        assertThat(result.interfaces()).isEmpty();
        assertThat(result.ips()).extracting(IpConfig::version).containsExactly(4, 6);
        assertThat(result.ips()).allSatisfy(ip -> assertThat(ip.interfaceIndex()).isEmpty());
        assertThat(result.ips().get(0).address()).endsWith("/32");
        assertThat(result.ips().get(1).address()).endsWith("/128");
        assertThat(bed.kernel.deltas()).isEmpty();
        assertThat(bed.backend.list("/calico/v1/host/").kvs()).isEmpty();
        assertThat(bed.service.add(bed.ipamRequest("ADD", "c1", "p1", ""))).isEqualTo(result);
        assertThat(bed.ipam.ipsByHandle(CniTestBed.NETWORK + ".c1")).hasSize(2);
        assertThat(ResultWriter.INSTANCE.result(result, CniVersion.V1_0_0)).doesNotContain("interface");
    }

    @Test
    void checkFollowsTheHandleAndDelReleasesIt() throws CniException {
        CniResult result = bed.service.add(bed.ipamRequest("ADD", "c1", "p1", ""));
        String prev = ",\"prevResult\":" + ResultWriter.INSTANCE.result(result, CniVersion.V1_0_0);

        bed.service.check(bed.ipamRequest("CHECK", "c1", "p1", prev));
        for (int i = 0; i < 2; i++) {
            bed.service.del(bed.ipamRequest("DEL", "c1", "p1", ""));
        }

        assertThat(bed.backend.get(handleKey("c1"))).isEmpty();
        assertThatThrownBy(() -> bed.service.check(bed.ipamRequest("CHECK", "c1", "p1", prev)))
                .isInstanceOfSatisfying(CniException.class,
                        e -> assertThat(e.error().code()).isEqualTo(CniFailures.CHECK_MISMATCH));
    }

    @Test
    void gcReleasesStaleHandlesOnly() throws CniException {
        bed.service.add(bed.ipamRequest("ADD", "keep", "p1", ""));
        bed.service.add(bed.ipamRequest("ADD", "stale", "p2", ""));
        bed.kernel.clearDeltas();

        bed.service.gc(CniRequest.parse(PluginKind.TABBY_IPAM, Map.of("CNI_COMMAND", "GC"),
                "{\"cniVersion\":\"1.1.0\",\"name\":\"" + CniTestBed.NETWORK + "\",\"type\":\"ptp\","
                        + "\"ipam\":{\"type\":\"tabby-ipam\"},"
                        + "\"cni.dev/valid-attachments\":[{\"containerID\":\"keep\",\"ifname\":\"eth0\"}]}"));

        assertThat(bed.backend.get(handleKey("stale"))).isEmpty();
        assertThat(bed.backend.get(handleKey("keep"))).isPresent();
        assertThat(bed.kernel.deltas()).isEmpty();
    }
}
