package io.tabby.node.bgpstatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The JSON of {@link NodeBgpStatus}, fields in a fixed order, snake_case as Calico's JSON values are. */
public final class BgpStatusCodec {

    public static final BgpStatusCodec INSTANCE = new BgpStatusCodec();

    private static final ObjectMapper JSON = new ObjectMapper();

    private BgpStatusCodec() {
    }

    public String encode(NodeBgpStatus status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("node", status.node());
        root.put("time", status.time().toString());
        ArrayNode sessions = root.putArray("sessions");
        for (BgpSession session : status.sessions()) {
            ObjectNode item = sessions.addObject();
            item.put("protocol", session.protocol());
            item.put("peer_address", session.peerAddress());
            item.put("peer_type", session.peerType().display());
            item.put("state", session.state());
            item.put("since", session.since().toString());
            item.put("info", session.info());
            item.put("last_error", session.lastError());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("encoding a JSON tree cannot fail", e);
        }
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    public NodeBgpStatus decode(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("BGP status is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("BGP status is not a JSON object");
        }
        List<BgpSession> sessions = new ArrayList<>();
        JsonNode items = root.path("sessions");
        if (!items.isArray()) {
            throw new IllegalArgumentException("BGP status has no 'sessions' array");
        }
        for (JsonNode item : items) {
            sessions.add(new BgpSession(text(item, "protocol"), text(item, "peer_address"),
                    PeerType.ofDisplay(text(item, "peer_type")), text(item, "state"), instant(item, "since"),
                    text(item, "info"), text(item, "last_error")));
        }
        return new NodeBgpStatus(text(root, "node"), instant(root, "time"), sessions);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("BGP status field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("BGP status field '" + field + "' is not an ISO-8601 instant: " + text, e);
        }
    }
}
