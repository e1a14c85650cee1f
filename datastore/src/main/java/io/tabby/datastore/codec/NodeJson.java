package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.OrchestratorRef;
import java.util.List;

/** A node's JSON values under {@code /calico/v1/host/<node>/}: metadata and orchestrator refs. */
final class NodeJson {

    private NodeJson() {}

    static HostMetadata decodeMetadata(JsonIn in) {
        return new HostMetadata(in.stringMap("labels"), in.unknown());
    }

    static void encodeMetadata(HostMetadata metadata, JsonOut out) {
        out.startObject();
        out.stringMapIfSet("labels", metadata.labels());
        out.unknown(metadata.unknown());
        out.endObject();
    }

    /** A JSON array of refs; {@code null} reads as empty. */
    static List<OrchestratorRef> decodeRefs(JsonNode root, Decoding decoding) {
        if (root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw decoding.error(null, "is " + Decoding.describe(root) + ", expected a JSON array");
        }
        return List.copyOf(JsonIn.list(root, "", (element, where) -> {
            JsonIn in = JsonIn.object(element, decoding, where);
            return new OrchestratorRef(in.string("orchestrator"), in.string("nodeName"), in.unknown());
        }, decoding));
    }

    static void encodeRefs(List<OrchestratorRef> refs, JsonOut out) {
        out.startArray();
        for (OrchestratorRef ref : refs) {
            out.startObject();
            out.stringIfSet("orchestrator", ref.orchestrator());
            out.stringIfSet("nodeName", ref.nodeName());
            out.unknown(ref.unknown());
            out.endObject();
        }
        out.endArray();
    }
}
