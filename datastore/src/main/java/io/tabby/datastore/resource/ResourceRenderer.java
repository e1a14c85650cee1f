package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.resource.render.DocumentText;
import io.tabby.datastore.resource.render.V3Tree;
import java.util.List;
import java.util.Optional;

/**
 * Prints resources as calicoctl {@code get -o yaml|json} does: one resource as its own document,
 * several as a {@code <Kind>List} ({@code List} when kinds are mixed) with {@code apiVersion},
 * {@code items}, {@code kind} and {@code metadata.resourceVersion}. YAML keys are sorted, JSON
 * keeps the v3 field order; unset optional fields are left out.
 */
public final class ResourceRenderer {

    public ResourceRenderer() {
    }

    /**
     * YAML for {@code resources}: a list document when {@code asList}, else the single resource
     * (exactly one required). The list's resourceVersion is the highest of the items'.
     */
    public String yaml(List<Resource> resources, boolean asList) {
        return yaml(resources, asList, "");
    }

    /** As {@link #yaml(List, boolean)}, with the list's resourceVersion given (e.g. the read revision). */
    public String yaml(List<Resource> resources, boolean asList, String listResourceVersion) {
        return DocumentText.yaml(tree(resources, asList, listResourceVersion, Optional.empty()));
    }

    /** YAML for a listed kind, with the read revision as the list's resourceVersion. */
    public String yaml(ResourceList list) {
        return DocumentText.yaml(tree(list.items(), true, Long.toString(list.revision()), Optional.of(list.kind())));
    }

    /** JSON, in the same shapes as {@link #yaml(List, boolean)}. */
    public String json(List<Resource> resources, boolean asList) {
        return json(resources, asList, "");
    }

    public String json(List<Resource> resources, boolean asList, String listResourceVersion) {
        return DocumentText.json(tree(resources, asList, listResourceVersion, Optional.empty()));
    }

    public String json(ResourceList list) {
        return DocumentText.json(tree(list.items(), true, Long.toString(list.revision()), Optional.of(list.kind())));
    }

    private static JsonNode tree(List<Resource> resources, boolean asList, String listResourceVersion,
            Optional<ResourceKind> listedKind) {
        requireNonNull(resources, "resources is null");
        requireNonNull(listResourceVersion, "listResourceVersion is null");
        if (!asList) {
            if (resources.size() != 1) {
                throw new IllegalArgumentException("a single document needs exactly one resource, got " + resources.size());
            }
            return V3Tree.of(resources.getFirst(), V3Tree.Purpose.DISPLAY);
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("kind", listedKind.or(() -> commonKind(resources)).map(ResourceKind::listKind).orElse("List"));
        list.put("apiVersion", ResourceKind.API_VERSION);
        ObjectNode metadata = list.putObject("metadata");
        String version = listResourceVersion.isEmpty() ? highestVersion(resources) : listResourceVersion;
        if (!version.isEmpty()) {
            metadata.put("resourceVersion", version);
        }
        ArrayNode items = list.putArray("items");
        resources.forEach(resource -> items.add(V3Tree.of(resource, V3Tree.Purpose.DISPLAY)));
        return list;
    }

    private static Optional<ResourceKind> commonKind(List<Resource> resources) {
        List<ResourceKind> kinds = resources.stream().map(Resource::kind).distinct().toList();
        return kinds.size() == 1 ? Optional.of(kinds.getFirst()) : Optional.empty();
    }

    private static String highestVersion(List<Resource> resources) {
        return resources.stream().map(r -> r.metadata().resourceVersion()).filter(v -> !v.isEmpty())
                .mapToLong(Long::parseLong).max().stream().mapToObj(Long::toString).findFirst().orElse("");
    }
}
