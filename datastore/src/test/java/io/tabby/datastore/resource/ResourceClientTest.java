package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Create/replace/apply/delete semantics, preconditions, dry runs and all-or-nothing input. */
class ResourceClientTest {
    private static final String POOL_KEY = "/calico/v1/ipam/v4/pool/10.0.0.0-16";

    private final InMemoryBackend backend = new InMemoryBackend();
    private final ResourceClient client = new ResourceClient(backend);

    private static IpPoolResource pool(String name, String cidr) {
        return new IpPoolResource(ResourceMetadata.named(name), IpPoolSpec.of(cidr, 26));
    }

    private static NodeResource node(String name, String ipv4) {
        return new NodeResource(ResourceMetadata.named(name), NodeSpec.ofBgp(NodeBgpSpec.of(ipv4, "")));
    }

    @Test
    void createTwiceFailsNamingTheResource() {
        client.create(List.of(pool("p1", "10.0.0.0/16")), false);
        assertThatThrownBy(() -> client.create(List.of(pool("p1", "10.0.0.0/16")), false))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessage("IPPool \"p1\" already exists; use replace or apply to change it");
    }

    @Test
    void createRefusesAKeyHeldByAnotherResource() {
        client.create(List.of(pool("p1", "10.0.0.0/16")), false);
        assertThatThrownBy(() -> client.apply(List.of(pool("p2", "10.0.0.0/16")), false))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessage("IPPool \"p2\" cannot be written: " + POOL_KEY + " already holds IPPool \"p1\" "
                        + "(change or delete that one first)");
    }

    @Test
    void createRefusesStrayKeysButApplyTakesThemOver() {
        backend.put("/calico/bgp/v1/host/n1/ip_addr_v4", "10.0.0.9");
        assertThatThrownBy(() -> client.create(List.of(node("n1", "10.0.0.1/24")), false))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessage("Node \"n1\" already exists (its key /calico/bgp/v1/host/n1/ip_addr_v4 is already set); "
                        + "use replace or apply to change it");
        client.apply(List.of(node("n1", "10.0.0.1/24")), false);
        assertThat(backend.get("/calico/bgp/v1/host/n1/ip_addr_v4").orElseThrow().value()).isEqualTo("10.0.0.1");
    }

    @Test
    void replaceNeedsAnExistingResourceAndTheCurrentVersion() {
        assertThatThrownBy(() -> client.replace(List.of(pool("p1", "10.0.0.0/16")), false))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("IPPool \"p1\" does not exist");
        String version = client.create(List.of(pool("p1", "10.0.0.0/16")), false).getFirst()
                .resource().metadata().resourceVersion();
        client.apply(List.of(pool("p1", "10.0.0.0/16")), false);
        IpPoolResource stale = pool("p1", "10.0.0.0/16");
        IpPoolResource withOldVersion = stale.withMetadata(stale.metadata().withResourceVersion(version));
        String current = client.get(ResourceKind.IP_POOL, "p1").metadata().resourceVersion();
        assertThatThrownBy(() -> client.replace(List.of(withOldVersion), false))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("IPPool \"p1\" was changed by another writer (resourceVersion " + version
                        + " was given, the current one is " + current + "); get it again and retry");
    }

    @Test
    void changingAPoolsCidrMovesItsKeyInOneTransaction() {
        client.create(List.of(pool("p1", "10.0.0.0/16")), false);
        long before = backend.currentRevision();
        WriteResult result = client.replace(List.of(pool("p1", "10.5.0.0/16")), false).getFirst();
        assertThat(result.operation()).isEqualTo(WriteResult.Operation.REPLACE);
        assertThat(result.ops()).extracting(TxnOp::key)
                .containsExactly("/calico/v1/ipam/v4/pool/10.5.0.0-16", POOL_KEY);
        assertThat(result.ops().get(1)).isInstanceOf(TxnOp.Delete.class);
        assertThat(backend.currentRevision()).isEqualTo(before + 1);
        assertThat(backend.get(POOL_KEY)).isEmpty();
        assertThat(client.get(ResourceKind.IP_POOL, "p1")).extracting(r -> ((IpPoolResource) r).spec().cidr())
                .isEqualTo("10.5.0.0/16");
    }

    @Test
    void dryRunComputesTheOpsAndWritesNothing() {
        long before = backend.currentRevision();
        List<WriteResult> results = client.apply(List.of(pool("p1", "10.0.0.0/16")), true);
        assertThat(results.getFirst().dryRun()).isTrue();
        assertThat(results.getFirst().ops()).containsExactly(TxnOp.create(POOL_KEY,
                "{\"cidr\":\"10.0.0.0/16\",\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false,\"name\":\"p1\"}"));
        assertThat(backend.currentRevision()).isEqualTo(before);
        assertThat(backend.list("/calico/").kvs()).isEmpty();
    }

    @Test
    void nothingIsWrittenWhenAnyResourceIsInvalidOrBlocked() {
        client.create(List.of(pool("taken", "10.9.0.0/16")), false);
        long before = backend.currentRevision();
        assertThatThrownBy(() -> client.create(List.of(pool("a", "10.1.0.0/16"), pool("b", "10.2.0.1/16")), false))
                .isInstanceOf(ResourceInputException.class)
                .hasMessage("request: document 2 (IPPool \"b\"): spec.cidr: 10.2.0.1/16 has host bits set "
                        + "(use the network address: 10.2.0.0/16)");
        assertThatThrownBy(() -> client.create(List.of(pool("a", "10.1.0.0/16"), pool("taken", "10.9.0.0/16")), false))
                .isInstanceOf(ResourceExistsException.class);
        assertThat(backend.currentRevision()).isEqualTo(before);
    }

    @Test
    void deleteRemovesEveryKeyOfANode() {
        backend.put("/calico/bgp/v1/host/n1/peer_v4/10.0.0.7", "{\"ip\":\"10.0.0.7\",\"as_num\":\"65000\"}");
        backend.put("/calico/bgp/v1/host/n1/loglevel", "debug");
        client.create(List.of(new NodeResource(ResourceMetadata.named("n1"), new NodeSpec(
                Optional.of(NodeBgpSpec.of("10.0.0.1/24", "")), "10.244.0.1", "", List.of()))), false);
        backend.put("/calico/v1/host/n1/config/LogSeverityScreen", "Debug");

        WriteResult deleted = client.delete(ResourceKind.NODE, "n1", false);

        assertThat(deleted.operation()).isEqualTo(WriteResult.Operation.DELETE);
        assertThat(deleted.ops()).allMatch(op -> op instanceof TxnOp.Delete);
        assertThat(backend.list("/calico/").kvs()).extracting(kv -> kv.key())
                .containsExactly("/calico/v1/host/n1/config/LogSeverityScreen");
        assertThatThrownBy(() -> client.get(ResourceKind.NODE, "n1")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void nodeWithWorkloadsIsNotDeleted() {
        client.create(List.of(node("n1", "10.0.0.1/24")), false);
        backend.put("/calico/v1/host/n1/workload/k8s/default.pod-a/endpoint/eth0", "{}");
        assertThatThrownBy(() -> client.delete(ResourceKind.NODE, "n1", false))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessage("Node \"n1\" is still in use: 1 workload endpoint is still on it "
                        + "(under /calico/v1/host/n1/workload/); remove the workloads first");
        assertThat(client.get(ResourceKind.NODE, "n1")).isNotNull();
    }

    @Test
    void deleteChecksAGivenVersionAndUnknownNames() {
        client.create(List.of(pool("p1", "10.0.0.0/16")), false);
        IpPoolResource old = pool("p1", "10.0.0.0/16");
        assertThatThrownBy(() -> client.delete(List.of(old.withMetadata(old.metadata().withResourceVersion("1"))), false))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> client.delete(ResourceKind.BGP_CONFIGURATION, "global", false))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("BGPConfiguration \"global\" does not exist");
        client.delete(List.of(pool("p1", "10.0.0.0/16")), false);
        assertThat(backend.get(POOL_KEY)).isEmpty();
    }

    @Test
    void globalAsNumberDefaultsTo64512() {
        assertThat(client.globalAsNumber()).isEqualTo(new AsNumber(64512));
        client.apply(List.of(new BgpConfigurationResource(ResourceMetadata.named("default"), new BgpConfigurationSpec(
                "", Optional.empty(), Optional.of(new AsNumber(65010)), List.of(), List.of(), 0, List.of(), List.of()))),
                false);
        assertThat(client.globalAsNumber()).isEqualTo(new AsNumber(65010));
    }

    @Test
    void rewriteKeepsWhatTheResourceDoesNotShow() {
        backend.put(POOL_KEY, "{\"cidr\":\"10.0.0.0/16\",\"ipip\":\"tunl0\",\"ipip_mode\":\"always\",\"masquerade\":true,"
                + "\"ipam\":true,\"disabled\":false,\"future_field\":[1,2]}");
        IpPoolResource read = (IpPoolResource) client.get(ResourceKind.IP_POOL, "10-0-0-0-16");
        assertThat(read.spec().ipipMode()).isEqualTo("Always");
        IpPoolSpec spec = read.spec();
        client.replace(List.of(new IpPoolResource(read.metadata(), new IpPoolSpec(spec.cidr(), spec.blockSize(),
                spec.ipipMode(), spec.vxlanMode(), false, spec.disabled(), spec.nodeSelector(), false))), false);
        assertThat(backend.get(POOL_KEY).orElseThrow().value()).isEqualTo("{\"cidr\":\"10.0.0.0/16\",\"ipip\":\"tunl0\","
                + "\"ipip_mode\":\"always\",\"masquerade\":false,\"ipam\":true,\"disabled\":false,\"future_field\":[1,2]}");
    }

    @Test
    void namesThatCannotExistAreNotFound() {
        assertThatThrownBy(() -> client.get(ResourceKind.NODE, "a/b")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("Node \"a/b\" does not exist");
        assertThat(client.list(ResourceKind.FELIX_CONFIGURATION).items()).isEmpty();
    }
}
