package io.tabby.bench.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.DeleteOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bench's own writes to etcd, through jetcd: wiping {@code /calico} between scenarios, the
 * pools, the simulated nodes' keys, and bulk state for the memory phase. Puts go out in windows of
 * a few hundred so that ten thousand keys take seconds, not minutes.
 */
final class EtcdSeed implements AutoCloseable {
    private static final int WINDOW = 256;
    private final Client client;
    private final KV kv;

    EtcdSeed(String endpoint) {
        this.client = Client.builder().endpoints(endpoint)
                .keepaliveTime(Duration.ofSeconds(60)).keepaliveWithoutCalls(false).build();
        this.kv = client.getKVClient();
    }

    void wipe() throws Exception {
        ByteSequence prefix = bytes("/calico");
        kv.delete(prefix, DeleteOption.builder().isPrefix(true).build()).get(30, TimeUnit.SECONDS);
    }

    /** Every key of {@code state}, written in windows; fails when a put fails or takes over 30 s. */
    void putAll(Map<String, String> state) throws Exception {
        List<CompletableFuture<?>> window = new ArrayList<>();
        for (Map.Entry<String, String> entry : state.entrySet()) {
            window.add(kv.put(bytes(entry.getKey()), bytes(entry.getValue())));
            if (window.size() == WINDOW) {
                drain(window);
            }
        }
        drain(window);
    }

    /** The pools pods 0..count-1 draw from: each a /26 that is its own block, routed, no NAT. */
    static Map<String, String> pools(int count) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            String cidr = ClusterPlan.pool(k);
            kv.put("/calico/v1/ipam/v4/pool/" + cidr.replace('/', '-'), "{\"cidr\":\"" + cidr
                    + "\",\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false,\"block_size\":26}");
        }
        return kv;
    }

    /** Simulated node {@code i}'s keys, as tabby-node registers a node (metadata, bird_ip, addresses). */
    static Map<String, String> simulatedNode(int i) {
        String name = ClusterPlan.simulatedName(i);
        String address = ClusterPlan.simulatedAddress(i);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("/calico/v1/host/" + name + "/metadata", "{}");
        kv.put("/calico/v1/host/" + name + "/bird_ip", address);
        kv.put("/calico/bgp/v1/host/" + name + "/ip_addr_v4", address);
        kv.put("/calico/bgp/v1/host/" + name + "/ip_addr_v6", "");
        kv.put("/calico/bgp/v1/host/" + name + "/network_v4", ClusterPlan.UNDERLAY_NETWORK);
        return kv;
    }

    private static void drain(List<CompletableFuture<?>> window) throws Exception {
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        window.clear();
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
