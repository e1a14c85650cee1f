package io.tabby.node.cni;

import static io.tabby.node.cni.CniTestBed.endpointKey;
import static io.tabby.node.cni.CniTestBed.handleKey;
import static io.tabby.node.cni.CniTestBed.veth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.datastore.model.Cidr;
import io.tabby.ipam.AllocatedAddress;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AllocationTimestamp;
import io.tabby.ipam.HandleAllocations;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.RouteFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadCniServiceAddTest {
    private final CniTestBed bed = new CniTestBed().pool("10.65.0.0/16", "green").pool("10.66.0.0/16", "blue")
            .pool("fd00:66::/64", "blue-v6");

    private static String pools(String v4, String v6) {
        return "{\"type\":\"tabby-ipam\",\"assign_ipv6\":\"true\",\"ipv4_pools\":[" + v4 + "],\"ipv6_pools\":["
                + v6 + "]}";
    }

    @Test
    void poolsAreTakenByNameOrCidr() throws CniException {
        CniResult byName = bed.service.add(bed.add("c1", "p1", pools("\"blue\"", "\"blue-v6\"")));
        CniResult byCidr = bed.service.add(bed.add("c2", "p2", pools("\"10.66.0.0/16\"", "\"fd00:66::/64\"")));

        for (CniResult result : List.of(byName, byCidr)) {
            assertThat(Cidr.parse("10.66.0.0/16").contains(Cidr.parse(result.ips().get(0).address()))).isTrue();
            assertThat(Cidr.parse("fd00:66::/64").contains(Cidr.parse(result.ips().get(1).address()))).isTrue();
        }
    }

    @Test
    void anUnknownPoolNameIsAConfigErrorNamingItAndLeavesNothing() {
        assertThatThrownBy(() -> bed.service.add(bed.add("c1", "p1", pools("\"blue\", \"purple\"", ""))))
                .isInstanceOfSatisfying(CniException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(CniError.INVALID_NETWORK_CONFIG);
                    assertThat(e.error().msg()).isEqualTo("ipam.ipv4_pools: IP pool 'purple' does not exist");
                });
        assertThat(bed.backend.list("/calico/ipam/v2/handle/").kvs()).isEmpty();
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p1"))).isEmpty();
    }

    @Test
    void aRepeatedAddAnswersTheExistingAttachmentAndAllocatesNothing() throws CniException {
        CniResult first = bed.service.add(bed.add("c1", "p1"));
        long revision = bed.backend.currentRevision();
        int linkIndex = bed.kernel.linkOps().get(bed.host, veth("p1")).orElseThrow().index();

        CniResult again = bed.service.add(bed.add("c1", "p1"));

        assertThat(again).isEqualTo(first);
        assertThat(bed.backend.currentRevision()).as("nothing written").isEqualTo(revision);
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p1")).orElseThrow().index())
                .as("the live veth is left alone").isEqualTo(linkIndex);
        assertThat(bed.ipam.handles("")).singleElement().extracting(HandleAllocations::addresses)
                .isEqualTo(List.of(Cidr.parse(first.ips().getFirst().address()).network()));
    }

    @Test
    void aRepeatedAddAfterTheVethWasLostPlumbsTheSameAddressAgain() throws CniException {
        CniResult first = bed.service.add(bed.add("c1", "p1"));
        bed.kernel.linkOps().delete(bed.host, veth("p1"));

        CniResult again = bed.service.add(bed.add("c1", "p1"));

        assertThat(again.ips()).isEqualTo(first.ips());
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p1"))).isPresent();
        assertThat(bed.kernel.routeOps().list(bed.host, RouteFilter.table(IpFamily.V4, 254)))
                .anySatisfy(r -> assertThat(r.device()).contains(veth("p1")));
        assertThat(bed.ipam.handles("")).hasSize(1);
        assertThat(bed.ipam.ipsByHandle(CniTestBed.NETWORK + ".c1")).hasSize(1);
    }

    @Test
    void eachAllocationCarriesCalicosAttributesWithTheTimestamp() throws CniException {
        bed.service.add(bed.add("c1", "p1"));

        AllocatedAddress allocation = bed.ipam.handles(CniTestBed.NETWORK + ".").getFirst().allocations().getFirst();
        assertThat(allocation.attributes()).containsEntry(AllocationAttributes.NODE, CniTestBed.NODE)
                .containsEntry(AllocationAttributes.NAMESPACE, "ns1").containsEntry(AllocationAttributes.POD, "p1")
                .containsEntry(AllocationAttributes.CONTAINER_ID, "c1")
                .containsEntry(AllocationAttributes.TIMESTAMP, AllocationTimestamp.format(CniTestBed.NOW));
    }

    @Test
    void labelsFromTheConfigAreStoredWithCalicosOwn() throws CniException {
        bed.service.add(bed.request("ADD", "c1", "p1", "{\"type\":\"tabby-ipam\"}",
                ",\"args\":{\"cni\":{\"labels\":[{\"key\":\"app\",\"value\":\"web\"},"
                        + "{\"key\":\"projectcalico.org/namespace\",\"value\":\"spoofed\"}]}}"));

        assertThat(bed.backend.get(endpointKey("p1")).orElseThrow().value()).contains("\"labels\":{\"app\":\"web\","
                + "\"projectcalico.org/namespace\":\"ns1\",\"projectcalico.org/orchestrator\":\"k8s\"}");
        assertThat(bed.backend.get(handleKey("c1"))).isPresent();
    }

    @Test
    void statusIsOkWithEtcdAndPluginNotAvailableWithout() throws CniException {
        bed.service.status(CniTestBed.status());

        bed.backend.setAvailable(false);
        assertThatThrownBy(() -> bed.service.status(CniTestBed.status())).isInstanceOfSatisfying(CniException.class,
                e -> assertThat(e.error().code()).isEqualTo(CniError.PLUGIN_NOT_AVAILABLE));
    }


    @Test
    void ipArgAssignsExactlyThatAddress() throws CniException {
        CniResult result = bed.service.add(bed.request("ADD", "c1", "p1", "{\"type\":\"tabby-ipam\"}", "",
                ";IP=10.66.3.7"));

        assertThat(result.ips()).extracting(ip -> ip.address()).containsExactly("10.66.3.7/32");
        assertThat(bed.ipam.ipsByHandle(CniTestBed.NETWORK + ".c1")).extracting(Object::toString)
                .containsExactly("10.66.3.7");
    }

    @Test
    void ipArgOfATakenOrForeignAddressFailsAndLeavesNothing() throws CniException {
        bed.service.add(bed.request("ADD", "c1", "p1", "{\"type\":\"tabby-ipam\"}", "", ";IP=10.66.3.7"));

        assertThatThrownBy(() -> bed.service.add(bed.request("ADD", "c2", "p2", "{\"type\":\"tabby-ipam\"}", "",
                ";IP=10.66.3.8,10.66.3.7"))).isInstanceOfSatisfying(CniException.class,
                        e -> assertThat(e.error().code()).isEqualTo(CniFailures.NO_ADDRESS));
        assertThatThrownBy(() -> bed.service.add(bed.request("ADD", "c3", "p3", "{\"type\":\"tabby-ipam\"}", "",
                ";IP=192.0.2.1"))).isInstanceOfSatisfying(CniException.class,
                        e -> assertThat(e.error().code()).isEqualTo(CniError.INVALID_NETWORK_CONFIG));
        assertThatThrownBy(() -> bed.service.add(bed.request("ADD", "c4", "p4", "{\"type\":\"tabby-ipam\"}", "",
                ";IP=ten"))).isInstanceOfSatisfying(CniException.class,
                        e -> assertThat(e.error().code()).isEqualTo(CniError.INVALID_ENVIRONMENT));
        assertThat(bed.ipam.handles("")).extracting(HandleAllocations::handleId)
                .containsExactly(CniTestBed.NETWORK + ".c1");
        assertThat(bed.kernel.linkOps().get(bed.host, veth("p2"))).isEmpty();
    }
}
