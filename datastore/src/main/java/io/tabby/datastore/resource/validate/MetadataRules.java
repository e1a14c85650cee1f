package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.Resource;
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
            case IP_POOL, NODE, BGP_PEER -> checkName(name, violations);
        }
        checkLabels(metadata.labels(), violations);
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

    private static void checkLabels(Map<String, String> labels, Violations violations) {
        labels.forEach((key, value) -> {
            if (!Names.isLabelKey(key)) {
                violations.add("metadata.labels." + key, "key " + SelectorCheck.quoted(key)
                        + " is not a valid label key (" + Names.LABEL_KEY_RULE + ")");
            }
            if (!Names.isLabelValue(value)) {
                violations.add("metadata.labels." + key, "value " + SelectorCheck.quoted(value)
                        + " is not a valid label value (" + Names.LABEL_VALUE_RULE + ")");
            }
        });
    }

    /**
     * The v1 keys have room for a node's labels and for peers kept whole only; anything
     * else would be silently lost, so it is refused.
     */
    private static void checkStorable(Resource resource, Violations violations) {
        boolean keptWhole = resource instanceof BgpPeerResource peer && peer.spec().keptWhole();
        if (!resource.metadata().labels().isEmpty() && !keptWhole && !(resource instanceof NodeResource)) {
            violations.add("metadata.labels", resource.kind().displayName()
                    + " labels cannot be stored in the etcd v1 layout (allowed on: Node, and BGPPeer with a selector or password)");
        }
        if (!resource.metadata().annotations().isEmpty() && !keptWhole) {
            violations.add("metadata.annotations", resource.kind().displayName()
                    + " annotations cannot be stored in the etcd v1 layout (allowed on: BGPPeer with a selector or password)");
        }
    }
}
