package io.tabby.node.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PluginKind;
import io.tabby.cni.wire.CniRequest;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.NetBatchOps;
import io.tabby.platform.testing.FakeKernel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadCniServiceTest {
    private static final String POD_NETNS = "/var/run/netns/pod1";
    private static final String CONFIG = """
            {"cniVersion":"1.0.0","name":"k8s-pod-network","type":"tabby","mtu":1400,
             "ipam":{"type":"tabby-ipam"},"args":{"cni":{"labels":[{"key":"app","value":"web"}]}}}""";
    private static final String KEY = "/calico/v1/host/node1/workload/k8s/ns1.pod1/endpoint/eth0";
    private static final String VETH = "cali" + "e822bf90b23";

    private final InMemoryBackend backend = new InMemoryBackend();
    private final FakeKernel kernel = new FakeKernel();
    private final NetNs host = NetNs.named("node");
    private final NetNs pod = NetNs.path(POD_NETNS);

    @BeforeEach
    void setUp() {
        kernel.addNamespace(host).addNamespace(pod);
        Cidr pool = Cidr.parse("10.65.0.0/16");
        IpPoolKey key = new IpPoolKey(pool);
        backend.put(KeyPaths.toPath(key), ValueCodec.INSTANCE.encode(key, IpPool.of(pool)));
    }

    private WorkloadCniService service(NetBatchOps batch) {
        WorkloadPlumbing plumbing = new WorkloadPlumbing(kernel.linkOps(), kernel.addrOps(), kernel.routeOps(),
                kernel.neighOps(), kernel.sysctlOps(), batch, host);
        return new WorkloadCniService(backend, new DatastoreIpam(backend), plumbing, "node1");
    }

    private static CniRequest request(String command) throws CniException {
        return request(command, CONFIG);
    }

    private static CniRequest check(String ip) throws CniException {
        return request("CHECK", CONFIG.substring(0, CONFIG.length() - 1) + ",\"prevResult\":{\"cniVersion\":\"1.0.0\","
                + "\"interfaces\":[{\"name\":\"" + VETH + "\"},{\"name\":\"eth0\",\"sandbox\":\"" + POD_NETNS
                + "\"}],\"ips\":[{\"address\":\"" + ip + "\",\"interface\":1}]}}");
    }

    private static CniRequest request(String command, String config) throws CniException {
        Map<String, String> env = new HashMap<>(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", "c0ffee",
                "CNI_IFNAME", "eth0", "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=ns1;K8S_POD_NAME=pod1"));
        env.put("CNI_NETNS", POD_NETNS);
        return CniRequest.parse(PluginKind.TABBY, env, config);
    }

    @Test
    void addPlumbsTheVethAndWritesTheEndpointKey() throws CniException {
        CniResult result = service(kernel.netBatchOps()).add(request("ADD"));

        assertThat(result.ips()).hasSize(1);
        String ip = result.ips().getFirst().address();
        assertThat(ip).endsWith("/32");
        assertThat(Cidr.parse("10.65.0.0/16").contains(Cidr.parse(ip))).isTrue();
        Link hostLink = kernel.linkOps().get(host, VETH).orElseThrow();
        assertThat(hostLink.mac()).isEqualTo("ee:ee:ee:ee:ee:ee");
        assertThat(hostLink.up()).isTrue();
        Link podLink = kernel.linkOps().get(pod, "eth0").orElseThrow();
        assertThat(podLink.mtu()).isEqualTo(1400);
        assertThat(kernel.addrOps().list(pod, IpFamily.V4)).contains(Address.of("eth0", ip));
        assertThat(kernel.routeOps().list(pod, RouteFilter.table(IpFamily.V4, 254))).contains(
                Route.toDevice("169.254.1.1/32", "eth0", WorkloadPlumbing.WORKLOAD_ROUTE_PROTOCOL),
                Route.via("0.0.0.0/0", "169.254.1.1", "eth0", WorkloadPlumbing.WORKLOAD_ROUTE_PROTOCOL));
        assertThat(kernel.routeOps().list(host, RouteFilter.table(IpFamily.V4, 254))).contains(
                Route.toDevice(ip, VETH, WorkloadPlumbing.WORKLOAD_ROUTE_PROTOCOL));
        assertThat(kernel.neighOps().listPermanent(pod, "eth0")).extracting(n -> n.mac())
                .containsExactly("ee:ee:ee:ee:ee:ee");
        assertThat(kernel.sysctlOps().read(host, "net.ipv4.conf." + VETH + ".proxy_arp")).isEqualTo("1");
        assertThat(kernel.sysctlOps().read(host, "net.ipv4.neigh." + VETH + ".proxy_delay")).isEqualTo("0");
        assertThat(backend.get(KEY).orElseThrow().value()).isEqualTo("{\"state\":\"active\",\"name\":\"" + VETH
                + "\",\"active_instance_id\":\"\",\"mac\":\"" + podLink.mac() + "\",\"profile_ids\":[\"kns.ns1\"],"
                + "\"ipv4_nets\":[\"" + ip + "\"],\"ipv6_nets\":[],\"labels\":{\"app\":\"web\","
                + "\"projectcalico.org/namespace\":\"ns1\",\"projectcalico.org/orchestrator\":\"k8s\"}}");
        assertThat(backend.get("/calico/ipam/v2/handle/k8s-pod-network.c0ffee")).isPresent();
    }

    @Test
    void delUndoesAddAndSucceedsWhenRepeated() throws CniException {
        WorkloadCniService service = service(kernel.netBatchOps());
        service.add(request("ADD"));

        for (int i = 0; i < 3; i++) {
            service.del(request("DEL"));
        }

        assertThat(backend.get(KEY)).isEmpty();
        assertThat(backend.get("/calico/ipam/v2/handle/k8s-pod-network.c0ffee")).isEmpty();
        assertThat(kernel.linkOps().get(host, VETH)).isEmpty();
        assertThat(kernel.linkOps().get(pod, "eth0")).isEmpty();
    }

    @Test
    void delOfAnUnknownContainerSucceeds() throws CniException {
        service(kernel.netBatchOps()).del(request("DEL"));

        assertThat(backend.get(KEY)).isEmpty();
    }

    @Test
    void failureAfterAllocationLeavesNothingBehind() {
        // the host side is made; the pod side fails
        NetBatchOps failingInPod = (ns, changes) -> {
            if (ns.equals(pod)) {
                throw new CommandFailedException(new CommandResult(Command.of(List.of("ip", "-batch", "-")), 1, "",
                        "RTNETLINK answers: injected failure"));
            }
            kernel.netBatchOps().apply(ns, changes);
        };

        assertThatThrownBy(() -> service(failingInPod).add(request("ADD")))
                .isInstanceOfSatisfying(CniException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(CniError.INTERNAL);
                    assertThat(e.error().details()).contains("injected failure");
                });

        assertThat(backend.list("/calico/ipam/v2/handle/").kvs()).isEmpty();
        assertThat(backend.get(KEY)).isEmpty();
        assertThat(kernel.linkOps().get(host, VETH)).isEmpty();
        assertThat(kernel.linkOps().get(pod, "eth0")).isEmpty();
    }

    @Test
    void checkPassesAfterAddAndFailsOnceTheHostVethIsGone() throws CniException {
        WorkloadCniService service = service(kernel.netBatchOps());
        String ip = service.add(request("ADD")).ips().getFirst().address();

        service.check(check(ip));
        kernel.linkOps().delete(host, VETH);

        assertThatThrownBy(() -> service.check(check(ip))).isInstanceOfSatisfying(CniException.class, e -> {
            assertThat(e.error().code()).isEqualTo(CniFailures.CHECK_MISMATCH);
            assertThat(e.error().details()).contains("host veth " + VETH + " is missing");
        });
    }

    @Test
    void etcdDownIsTryAgainLater() {
        backend.setAvailable(false);

        assertThatThrownBy(() -> service(kernel.netBatchOps()).add(request("ADD")))
                .isInstanceOfSatisfying(CniException.class,
                        e -> assertThat(e.error().code()).isEqualTo(CniError.TRY_AGAIN_LATER));
        assertThatThrownBy(() -> service(kernel.netBatchOps()).del(request("DEL")))
                .isInstanceOfSatisfying(CniException.class,
                        e -> assertThat(e.error().code()).isEqualTo(CniError.TRY_AGAIN_LATER));
        assertThat(kernel.linkOps().get(host, VETH)).isEmpty();
    }
}
