package io.tabby.datastore.resource.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.resource.BgpConfigurationResource;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.FelixConfigurationResource;
import io.tabby.datastore.resource.GlobalNetworkPolicyResource;
import io.tabby.datastore.resource.HostEndpointResource;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.Map;

/**
 * A resource as a v3 JSON tree: {@code kind}, {@code apiVersion}, {@code metadata}, {@code spec}
 * (and a Node's empty {@code status}), fields in the Go structs' order.
 */
public final class V3Tree {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Which metadata to include. */
    public enum Purpose {
        /** As calicoctl prints it: with resourceVersion and a (null) creationTimestamp. */
        DISPLAY,
        /** As stored in etcd: name, labels and annotations only (the revision is etcd's own). */
        STORAGE
    }

    private V3Tree() {
    }

    public static ObjectNode of(Resource resource, Purpose purpose) {
        ObjectNode tree = NODES.objectNode();
        tree.put("kind", resource.kind().displayName());
        tree.put("apiVersion", ResourceKind.API_VERSION);
        tree.set("metadata", metadata(resource.metadata(), purpose));
        tree.set("spec", switch (resource) {
            case IpPoolResource pool -> SpecTrees.ipPool(pool.spec());
            case NodeResource node -> SpecTrees.node(node.spec());
            case BgpConfigurationResource config -> SpecTrees.bgpConfiguration(config.spec());
            case BgpPeerResource peer -> SpecTrees.bgpPeer(peer.spec());
            case FelixConfigurationResource felix -> FelixTree.spec(felix.spec());
            case NetworkPolicyResource policy -> PolicyTrees.policy(policy.spec(), false);
            case GlobalNetworkPolicyResource policy -> PolicyTrees.policy(policy.spec(), true);
            case ProfileResource profile -> PolicyTrees.profile(profile.spec());
            case HostEndpointResource host -> EndpointTrees.host(host.spec());
            case WorkloadEndpointResource workload -> EndpointTrees.workload(workload.spec());
        });
        if (resource instanceof NodeResource) {
            tree.putObject("status");
        }
        return tree;
    }

    private static ObjectNode metadata(ResourceMetadata metadata, Purpose purpose) {
        ObjectNode tree = NODES.objectNode();
        tree.put("name", metadata.name());
        if (!metadata.namespace().isEmpty()) {
            tree.put("namespace", metadata.namespace());
        }
        if (purpose == Purpose.DISPLAY) {
            if (!metadata.resourceVersion().isEmpty()) {
                tree.put("resourceVersion", metadata.resourceVersion());
            }
            // Go prints a zero metav1.Time as null; the v1 keys keep no creation time.
            tree.putNull("creationTimestamp");
        }
        putMap(tree, "labels", metadata.labels());
        putMap(tree, "annotations", metadata.annotations());
        return tree;
    }

    private static void putMap(ObjectNode tree, String field, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode node = tree.putObject(field);
            map.forEach(node::put);
        }
    }
}
