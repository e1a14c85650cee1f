package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.resource.InputProblem;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.validate.ResourceValidator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns one document into resources: a single resource, a {@code List}/{@code <Kind>List} with
 * {@code items} (items of a typed list may leave out apiVersion and kind), or a YAML sequence
 * of resources (the shape calicoctl v1 printed). Each resource is read, brought into stored form
 * ({@link ResourceDefaults}), then validated.
 */
final class DocumentReader {
    static final String V3 = ResourceKind.API_VERSION;
    static final String V1 = "v1";
    private static final List<String> V1_KINDS = List.of("ipPool", "node", "bgpPeer");
    static final String K8S_NETWORKING = "networking.k8s.io/v1";
    private static final String API_VERSIONS = "allowed: " + V3 + "; v1 for calicoctl v1 resources and Kubernetes"
            + " Namespaces; " + K8S_NETWORKING + " for Kubernetes NetworkPolicies";

    private DocumentReader() {
    }

    static void read(Document document, List<Resource> resources, List<InputProblem> problems) {
        JsonNode content = document.content();
        if (content.isArray()) {
            readItems(document, content, "", "", resources, problems);
        } else if (content.isObject() && isListKind(text(content, "kind"))) {
            readList(document, resources, problems);
        } else {
            readResource(document, 0, content, "", "", resources, problems);
        }
    }

    private static void readList(Document document, List<Resource> resources, List<InputProblem> problems) {
        ResourceProblems listProblems = new ResourceProblems(document.source(), document.number(), 0);
        FieldReader list = FieldReader.of(document.content(), "", listProblems).orElseThrow();
        String apiVersion = list.text("apiVersion");
        String kind = list.text("kind");
        listProblems.describe(kind);
        list.raw("metadata");
        JsonNode items = list.raw("items");
        list.rejectUnknown();
        if (!apiVersion.isEmpty() && !apiVersion.equals(V3) && !apiVersion.equals(V1)
                && !apiVersion.equals(K8S_NETWORKING)) {
            listProblems.add("apiVersion", "\"" + apiVersion + "\" is not supported (" + API_VERSIONS + ")");
        }
        if (items == null || !items.isArray()) {
            listProblems.add("items", items == null ? "missing (the list's resources)" : "must be a list" + FieldReader.found(items));
        } else {
            String itemKind = kind.equals("List") ? "" : kind.substring(0, kind.length() - "List".length());
            readItems(document, items, apiVersion, itemKind, resources, problems);
        }
        problems.addAll(listProblems.problems());
    }

    private static void readItems(Document document, JsonNode items, String apiVersion, String kind,
            List<Resource> resources, List<InputProblem> problems) {
        for (int i = 0; i < items.size(); i++) {
            readResource(document, i + 1, items.get(i), apiVersion, kind, resources, problems);
        }
    }

    private static void readResource(Document document, int item, JsonNode node, String listApiVersion,
            String listKind, List<Resource> resources, List<InputProblem> problems) {
        ResourceProblems resourceProblems = new ResourceProblems(document.source(), document.number(), item);
        FieldReader.of(node, "", resourceProblems)
                .flatMap(fields -> readFields(fields, listApiVersion, listKind, resourceProblems))
                .map(ResourceDefaults::apply)
                .ifPresent(resource -> {
                    ResourceValidator.INSTANCE.validate(resource, resourceProblems.validation());
                    resources.add(resource);
                });
        problems.addAll(resourceProblems.problems());
    }

    private static Optional<Resource> readFields(FieldReader fields, String listApiVersion, String listKind,
            ResourceProblems problems) {
        String apiVersion = orInherited(fields.text("apiVersion"), listApiVersion);
        String kind = orInherited(fields.text("kind"), listKind);
        if (kind.isEmpty()) {
            problems.add("kind", "missing (allowed: " + String.join(", ", ResourceKind.allNames()) + ")");
            return Optional.empty();
        }
        Optional<ResourceKind> v3Kind = Arrays.stream(ResourceKind.values())
                .filter(k -> k.displayName().equals(kind)).findFirst();
        boolean v1Kind = V1_KINDS.contains(kind);
        if (apiVersion.equals(K8S_NETWORKING) && kind.equals("NetworkPolicy")) {
            return Optional.of(KubernetesNetworkPolicyReader.read(fields, problems));
        }
        if (apiVersion.equals(V1) && kind.equals("Namespace")) {
            return Optional.of(KubernetesNamespaceReader.read(fields, problems));
        }
        if (apiVersion.equals(K8S_NETWORKING)) {
            problems.add("kind", "\"" + kind + "\" is not supported for apiVersion " + K8S_NETWORKING
                    + " (allowed: NetworkPolicy)");
            return Optional.empty();
        }
        if (apiVersion.isEmpty()) {
            problems.add("apiVersion", "missing (" + API_VERSIONS + ")");
        } else if (!apiVersion.equals(V3) && !apiVersion.equals(V1)) {
            problems.add("apiVersion", "\"" + apiVersion + "\" is not supported (" + API_VERSIONS + ")");
            return Optional.empty();
        }
        boolean readAsV1 = apiVersion.equals(V1) || (apiVersion.isEmpty() && v1Kind);
        if (readAsV1) {
            return readV1(kind, fields, problems);
        }
        if (v3Kind.isEmpty()) {
            problems.add("kind", "\"" + kind + "\" is not supported (allowed: "
                    + String.join(", ", ResourceKind.allNames()) + ")");
            return Optional.empty();
        }
        return Optional.of(V3DocumentReader.read(v3Kind.get(), fields, problems));
    }

    private static Optional<Resource> readV1(String kind, FieldReader fields, ResourceProblems problems) {
        return switch (kind) {
            case "ipPool" -> Optional.of(V1IpPoolReader.read(fields, problems));
            case "node" -> Optional.of(V1NodeReader.read(fields, problems));
            case "bgpPeer" -> Optional.of(V1BgpPeerReader.read(fields, problems));
            default -> {
                problems.add("kind", "\"" + kind + "\" is not supported for apiVersion v1 (allowed: "
                        + String.join(", ", V1_KINDS) + ", Namespace)");
                yield Optional.empty();
            }
        };
    }

    private static boolean isListKind(String kind) {
        return kind.equals("List") || Arrays.stream(ResourceKind.values()).anyMatch(k -> k.listKind().equals(kind))
                || V1_KINDS.stream().anyMatch(k -> (k + "List").equals(kind));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : "";
    }

    private static String orInherited(String value, String inherited) {
        return value.isEmpty() ? inherited : value;
    }
}
