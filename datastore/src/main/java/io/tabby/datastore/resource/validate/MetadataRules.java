package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.Map;

/** Rules on {@code metadata}: name syntax, label syntax, and where the v1 layout can keep labels. */
final class MetadataRules {
    static final String CONFIG_NAME_RULE = "allowed: default, or node.<nodename> for one node";

    private MetadataRules() {
    }

    static void check(Resource resource, Violations violations) {
        ResourceMetadata metadata = resource.metadata();
        String name = metadata.name();
        switch (resource.kind()) {
            case BGP_CONFIGURATION, FELIX_CONFIGURATION -> checkConfigName(resource, name, violations);
            case IP_POOL, NODE, BGP_PEER, GLOBAL_NETWORK_POLICY, PROFILE, HOST_ENDPOINT -> checkName(name, violations);
            case NETWORK_POLICY, WORKLOAD_ENDPOINT -> {
                checkName(name, violations);
                if (!Names.isSubdomain(metadata.namespace())) {
                    violations.add("metadata.namespace", SelectorCheck.quoted(metadata.namespace())
                            + " is not a valid namespace (" + Names.NAME_RULE + ")");
                }
            }
        }
        checkLabels("metadata.labels", metadata.labels(), violations);
        checkStorable(resource, violations);
    }

    private static void checkName(String name, Violations violations) {
        if (name.isEmpty()) {
            violations.add("metadata.name", "missing (every resource needs a name)");
        } else if (!Names.isSubdomain(name)) {
            violations.add("metadata.name", SelectorCheck.quoted(name) + " is not a valid name (" + Names.NAME_RULE + ")");
        }
    }

    private static void checkConfigName(Resource resource, String name, Violations violations) {
        if (name.isEmpty()) {
            violations.add("metadata.name", "missing (" + CONFIG_NAME_RULE + ")");
        } else if (!name.equals("default")
                && !(name.startsWith("node.") && Names.isSubdomain(name.substring("node.".length())))) {
            violations.add("metadata.name", SelectorCheck.quoted(name) + " is not allowed for "
                    + resource.kind().displayName() + " (" + CONFIG_NAME_RULE + ")");
        }
    }

    static void checkLabels(String field, Map<String, String> labels, Violations violations) {
        labels.forEach((key, value) -> {
            if (!Names.isLabelKey(key)) {
                violations.add(field + "." + key, "key " + SelectorCheck.quoted(key)
                        + " is not a valid label key (" + Names.LABEL_KEY_RULE + ")");
            }
            if (!Names.isLabelValue(value)) {
                violations.add(field + "." + key, "value " + SelectorCheck.quoted(value)
                        + " is not a valid label value (" + Names.LABEL_VALUE_RULE + ")");
            }
        });
    }

    /**
     * The v1 keys have room for the labels of nodes and endpoints, the annotations of policies,
     * and both on peers kept whole only; anything else would be silently lost, so it is refused.
     */
    private static void checkStorable(Resource resource, Violations violations) {
        boolean keptWhole = resource instanceof BgpPeerResource peer && peer.spec().keptWhole();
        ResourceKind kind = resource.kind();
        boolean labelled = kind == ResourceKind.NODE || kind == ResourceKind.HOST_ENDPOINT
                || kind == ResourceKind.WORKLOAD_ENDPOINT;
        boolean annotated = kind == ResourceKind.NETWORK_POLICY || kind == ResourceKind.GLOBAL_NETWORK_POLICY;
        if (!resource.metadata().labels().isEmpty() && !keptWhole && !labelled) {
            violations.add("metadata.labels", kind.displayName() + " labels cannot be stored in the etcd v1 layout"
                    + " (allowed on: Node, HostEndpoint, WorkloadEndpoint, and BGPPeer with a selector or password"
                    + (kind == ResourceKind.PROFILE ? "; a Profile's labels for its endpoints go in spec.labelsToApply" : "")
                    + ")");
        }
        if (!resource.metadata().annotations().isEmpty() && !keptWhole && !annotated) {
            violations.add("metadata.annotations", kind.displayName() + " annotations cannot be stored in the etcd v1"
                    + " layout (allowed on: NetworkPolicy, GlobalNetworkPolicy, and BGPPeer with a selector or password)");
        }
    }
}
