package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.Map;

/** Converts a calicoctl v1 {@code node} ({@code metadata.name|labels}, {@code spec.bgp}, {@code spec.orchRefs}). */
final class V1NodeReader {
    private V1NodeReader() {
    }

    static NodeResource read(FieldReader document, ResourceProblems problems) {
        String[] name = {""};
        Map<String, String> labels = document.object("metadata").map(metadata -> {
            name[0] = metadata.text("name");
            Map<String, String> found = metadata.textMap("labels");
            metadata.rejectUnknown();
            return found;
        }).orElse(Map.of());
        problems.describe(name[0].isEmpty() ? "Node" : "Node \"" + name[0] + "\"");
        NodeSpec spec = NodeSpecReader.read(document.object("spec"), true);
        document.rejectUnknown();
        return new NodeResource(new ResourceMetadata(name[0], labels, Map.of(), ""), spec);
    }
}
