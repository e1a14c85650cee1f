package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Another writer acting between the read and the transaction: the transaction fails, nothing is overwritten. */
class ResourceClientConcurrencyTest {
    private static final String POOL_KEY = "/calico/v1/ipam/v4/pool/10.0.0.0-16";

    private final InterferingBackend backend = new InterferingBackend();
    private final ResourceClient client = new ResourceClient(backend);

    private static IpPoolResource pool(String name, String cidr, boolean nat) {
        return new IpPoolResource(ResourceMetadata.named(name),
                new IpPoolSpec(cidr, 26, "Never", "Never", nat, false, "all()", false));
    }

    @Test
    void replaceLosesToAConcurrentUpdate() {
        client.create(List.of(pool("p1", "10.0.0.0/16", false)), false);
        String theirs = "{\"cidr\":\"10.0.0.0/16\",\"ipip\":\"\",\"masquerade\":true,\"ipam\":true,\"disabled\":false,\"name\":\"p1\"}";
        backend.beforeCommit(() -> backend.store().put(POOL_KEY, theirs));

        assertThatThrownBy(() -> client.replace(List.of(pool("p1", "10.0.0.0/16", false)), false))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessage("IPPool \"p1\" was changed by another writer (key " + POOL_KEY
                        + " changed after it was read); get it again and retry");
        assertThat(backend.get(POOL_KEY).orElseThrow().value()).isEqualTo(theirs);
    }

    @Test
    void createLosesToAConcurrentCreate() {
        backend.beforeCommit(() -> backend.store().put("/calico/v1/host/n1/metadata", "{}"));
        NodeResource node = new NodeResource(ResourceMetadata.named("n1"), NodeSpec.ofBgp(NodeBgpSpec.of("10.0.0.1/24", "")));

        assertThatThrownBy(() -> client.create(List.of(node), false))
                .isInstanceOf(ResourceExistsException.class)
                .hasMessageStartingWith("Node \"n1\" already exists (its key ")
                .hasMessageEndingWith(" was written by another writer meanwhile); use replace or apply to change it");
        assertThat(backend.list("/calico/bgp/").kvs()).isEmpty();
    }

    @Test
    void aBatchStoppedPartWayNamesWhatWasWritten() {
        client.create(List.of(pool("p2", "10.2.0.0/16", false)), false);
        backend.beforeCommit(null);
        backend.beforeCommit(() -> backend.store().put("/calico/v1/ipam/v4/pool/10.2.0.0-16", "{\"cidr\":\"10.2.0.0/16\","
                + "\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false,\"name\":\"p2\"}"));

        assertThatThrownBy(() -> client.apply(List.of(pool("p1", "10.0.0.0/16", false), pool("p2", "10.2.0.0/16", true)), false))
                .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                    assertThat(e.completed()).extracting(r -> r.resource().name()).containsExactly("p1");
                    assertThat(e.total()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(ResourceConflictException.class);
                    assertThat(e.getMessage()).startsWith("only the first 1 of 2 resources were written: IPPool \"p2\"");
                });
        assertThat(backend.get(POOL_KEY)).isPresent();
    }
}
