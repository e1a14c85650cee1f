package io.tabby.node.cni;

import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PluginKind;
import io.tabby.cni.spec.PodRef;
import io.tabby.cni.wire.CniRequest;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CNI service on an in-memory etcd and a fake kernel, with requests built as the plugin
 * would send them: pod {@code ns1/<pod>} in netns {@code /var/run/netns/<pod>} on node {@code node1}.
 */
final class CniTestBed {
    static final String NODE = "node1";
    static final String NETWORK = "k8s-pod-network";
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    final InMemoryBackend backend = new InMemoryBackend();
    final FakeKernel kernel = new FakeKernel();
    final NetNs host = NetNs.named("node");
    final DatastoreIpam ipam = new DatastoreIpam(backend);
    final WorkloadPlumbing plumbing;
    final WorkloadCniService service;

    CniTestBed() {
        kernel.addNamespace(host);
        plumbing = new WorkloadPlumbing(kernel.linkOps(), kernel.addrOps(), kernel.routeOps(), kernel.neighOps(),
                kernel.sysctlOps(), kernel.netBatchOps(), host);
        service = new WorkloadCniService(backend, ipam, plumbing, NODE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    EndpointStore endpoints() {
        return new EndpointStore(backend);
    }

    CniTestBed pool(String cidr, String name) {
        Cidr network = Cidr.parse(cidr);
        IpPoolKey key = new IpPoolKey(network);
        backend.put(KeyPaths.toPath(key), ValueCodec.INSTANCE.encode(key, new IpPool(network, "", null, null, false,
                true, false, null, null, null, name, UnknownFields.NONE)));
        return this;
    }

    /** Makes the pod's namespace and returns its netns path. */
    NetNs podNs(String pod) {
        NetNs ns = NetNs.path(netns(pod));
        if (!kernel.namespaces().contains(ns)) {
            kernel.addNamespace(ns);
        }
        return ns;
    }

    static String netns(String pod) {
        return "/var/run/netns/" + pod;
    }

    /** An ADD/DEL/CHECK request for container {@code containerId} of pod {@code ns1/<pod>} with {@code ipam}. */
    CniRequest request(String command, String containerId, String pod, String ipam, String extra) throws CniException {
        return request(command, containerId, pod, ipam, extra, "");
    }

    /** As above with {@code moreArgs} (";K=V...") appended to CNI_ARGS. */
    CniRequest request(String command, String containerId, String pod, String ipam, String extra, String moreArgs)
            throws CniException {
        podNs(pod);
        Map<String, String> env = new HashMap<>(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId,
                "CNI_IFNAME", "eth0", "CNI_NETNS", netns(pod),
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=ns1;K8S_POD_NAME=" + pod + moreArgs));
        String config = "{\"cniVersion\":\"1.0.0\",\"name\":\"" + NETWORK + "\",\"type\":\"tabby\",\"ipam\":" + ipam
                + extra + "}";
        return CniRequest.parse(PluginKind.TABBY, env, config);
    }

    /** A request to the {@code tabby-ipam} plugin from a chain whose main plugin is {@code ptp}. */
    CniRequest ipamRequest(String command, String containerId, String pod, String extra) throws CniException {
        podNs(pod);
        Map<String, String> env = new HashMap<>(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId,
                "CNI_IFNAME", "eth0", "CNI_NETNS", netns(pod),
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=ns1;K8S_POD_NAME=" + pod));
        return CniRequest.parse(PluginKind.TABBY_IPAM, env, "{\"cniVersion\":\"1.0.0\",\"name\":\"" + NETWORK
                + "\",\"type\":\"ptp\",\"ipam\":{\"type\":\"calico-ipam\",\"assign_ipv6\":\"true\"}" + extra + "}");
    }

    CniRequest add(String containerId, String pod, String ipam) throws CniException {
        return request("ADD", containerId, pod, ipam, "");
    }

    CniRequest add(String containerId, String pod) throws CniException {
        return add(containerId, pod, "{\"type\":\"tabby-ipam\"}");
    }

    /** A GC request keeping the attachments of {@code containerIds} (ifname eth0). */
    static CniRequest gc(String... containerIds) throws CniException {
        StringBuilder valid = new StringBuilder();
        for (String id : containerIds) {
            valid.append(valid.isEmpty() ? "" : ",").append("{\"containerID\":\"").append(id)
                    .append("\",\"ifname\":\"eth0\"}");
        }
        return CniRequest.parse(PluginKind.TABBY, Map.of("CNI_COMMAND", "GC"), "{\"cniVersion\":\"1.1.0\",\"name\":\""
                + NETWORK + "\",\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"},"
                + "\"cni.dev/valid-attachments\":[" + valid + "]}");
    }

    static CniRequest status() throws CniException {
        return CniRequest.parse(PluginKind.TABBY, Map.of("CNI_COMMAND", "STATUS"),
                "{\"cniVersion\":\"1.1.0\",\"name\":\"" + NETWORK + "\",\"type\":\"tabby\","
                        + "\"ipam\":{\"type\":\"tabby-ipam\"}}");
    }

    static String veth(String pod) {
        return new WorkloadIdentity(NODE, NETWORK, "unused", "eth0",
                Optional.of(new PodRef("ns1", pod))).hostVeth();
    }

    static String endpointKey(String pod) {
        return "/calico/v1/host/" + NODE + "/workload/k8s/ns1." + pod + "/endpoint/eth0";
    }

    static String handleKey(String containerId) {
        return "/calico/ipam/v2/handle/" + NETWORK + "." + containerId;
    }
}
