package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * Reads v3 {@code metadata}. The fields calicoctl prints but the server owns ({@code uid},
 * {@code generation}, {@code creationTimestamp}) are accepted and ignored, so the output of
 * {@code get -o yaml} can be applied again.
 */
final class MetadataReader {
    private MetadataReader() {
    }

    static ResourceMetadata read(FieldReader document) {
        return read(document, false);
    }

    /** Reads metadata; {@code namespace} is accepted only when {@code namespaced}. */
    static ResourceMetadata read(FieldReader document, boolean namespaced) {
        Optional<FieldReader> found = document.object("metadata");
        if (found.isEmpty()) {
            return ResourceMetadata.named("");
        }
        FieldReader metadata = found.get();
        String name = metadata.text("name");
        String namespace = metadata.text("namespace");
        if (!namespace.isEmpty() && !namespaced) {
            metadata.violations().add(metadata.path("namespace"), "must be empty: this kind is not namespaced");
        }
        metadata.raw("uid");
        String resourceVersion = resourceVersion(metadata);
        metadata.raw("generation");
        metadata.raw("creationTimestamp");
        Map<String, String> labels = metadata.textMap("labels");
        Map<String, String> annotations = metadata.textMap("annotations");
        metadata.rejectUnknown();
        return new ResourceMetadata(name, labels, annotations, resourceVersion, namespace);
    }

    /** A decimal etcd revision; also accepted unquoted. */
    private static String resourceVersion(FieldReader metadata) {
        JsonNode value = metadata.raw("resourceVersion");
        if (value == null) {
            return "";
        }
        String text = value.asText();
        if ((value.isTextual() || value.isIntegralNumber()) && text.matches("[1-9][0-9]{0,18}")) {
            return text;
        }
        metadata.violations().add(metadata.path("resourceVersion"), "must be an etcd revision (a positive whole number)"
                + FieldReader.found(value));
        return "";
    }
}
