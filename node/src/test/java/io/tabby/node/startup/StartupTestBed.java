package io.tabby.node.startup;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node's start-up over a given backend, with a fake kernel holding {@code eth0} and its address. */
final class StartupTestBed {
    final FakeKernel kernel = new FakeKernel();
    final Backend backend;
    final ResourceClient resources;
    final String node;
    boolean ipip = true;

    StartupTestBed(Backend backend, String node, String eth0Address) {
        this.backend = backend;
        this.resources = new ResourceClient(backend);
        this.node = node;
        kernel.linkOps().createVeth(NetNs.root(), "eth0", "peer0", NetNs.root());
        kernel.addrOps().add(NetNs.root(), List.of(Address.of("eth0", eth0Address)));
    }

    NodeStartup startup(Map<String, String> env) {
        return new NodeStartup(node, StartupSettings.parse(env),
                new AddressDetector(kernel.addrOps(), (ns, dst) -> Optional.empty(), NetNs.root()),
                new NodeRegistration(backend), new ClusterDefaults(backend),
                new DefaultPools(resources, () -> ipip), tunnels(), peers());
    }

    TunnelAddresses tunnels() {
        return new TunnelAddresses(backend, resources, new DatastoreIpam(backend), node);
    }

    PeerExpansion peers() {
        return new PeerExpansion(backend, resources, node);
    }

    String value(String key) {
        return backend.get(key).map(kv -> kv.value()).orElse(null);
    }
}
