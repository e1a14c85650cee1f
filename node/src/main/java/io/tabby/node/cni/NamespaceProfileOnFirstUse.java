package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.NamespaceProfiles;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceExistsException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure the {@code kns.<namespace>} profile a workload endpoint names exists, as Calico's
 * namespace controller would have made it: when no Namespace object was applied, the first pod of a
 * namespace creates an allow-all profile without labels, so pods talk freely until a policy says
 * otherwise. An existing profile (an applied Namespace, another node first) is left as it is. Each
 * namespace costs one etcd transaction per agent lifetime; a profile deleted later by hand is not
 * made again until the agent restarts.
 */
final class NamespaceProfileOnFirstUse {
    private final ResourceClient resources;
    private final Set<String> present = ConcurrentHashMap.newKeySet();

    NamespaceProfileOnFirstUse(ResourceClient resources) {
        this.resources = requireNonNull(resources, "resources is null");
    }

    /** Creates the namespace's profile unless it is known to exist; etcd failures propagate. */
    void ensure(String namespace) {
        if (present.contains(namespace)) {
            return;
        }
        try {
            resources.create(List.of(NamespaceProfiles.profile(namespace, Map.of())), false);
        } catch (ResourceExistsException alreadyThere) {
            // applied as a Namespace, or made by another node's first pod: keep it as it is
        }
        present.add(namespace);
    }
}
