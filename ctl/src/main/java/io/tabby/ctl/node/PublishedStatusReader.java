package io.tabby.ctl.node;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the BGP status every node agent publishes under {@code /calico/tabby/v1/host/<node>/bgp_status}
 * (written by {@code io.tabby.node.bgpstatus}; this reader and that writer share the JSON format
 * described there) and the nodes registered under {@code /calico/bgp/v1/host/<node>/ip_addr_v4},
 * so that a node without status shows up as missing.
 */
final class PublishedStatusReader {

    static final String STATUS_PREFIX = "/calico/tabby/v1/host/";
    static final String STATUS_LEAF = "/bgp_status";
    static final String NODES_PREFIX = "/calico/bgp/v1/host/";
    static final String NODE_LEAF = "/ip_addr_v4";

    /** BIRD 1.6 prints a time of day for changes within 20 hours, else the date. */
    private static final Duration RECENT = Duration.ofHours(20);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One node: its sessions per family, or why its status cannot be shown. */
    record NodeStatus(String node, Optional<String> problem, List<BgpPeerStatus> v4, List<BgpPeerStatus> v6) {
        NodeStatus {
            requireNonNull(node, "node is null");
            requireNonNull(problem, "problem is null");
            v4 = List.copyOf(v4);
            v6 = List.copyOf(v6);
        }

        static NodeStatus missing(String node, String problem) {
            return new NodeStatus(node, Optional.of(problem), List.of(), List.of());
        }
    }

    private final Clock clock;

    PublishedStatusReader(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Every registered or publishing node, in name order. */
    List<NodeStatus> read(Backend backend) {
        Map<String, NodeStatus> byNode = new TreeMap<>();
        for (KeyValue kv : backend.list(NODES_PREFIX).kvs()) {
            nodeOf(kv.key(), NODES_PREFIX, NODE_LEAF).ifPresent(node -> byNode.put(node, NodeStatus.missing(node,
                    "No BGP status published: tabby-node is not running on this node, or its status expired"
                            + " (it is kept alive while the agent runs and expires after 90s without it).")));
        }
        for (KeyValue kv : backend.list(STATUS_PREFIX).kvs()) {
            nodeOf(kv.key(), STATUS_PREFIX, STATUS_LEAF).ifPresent(node -> byNode.put(node, parse(node, kv)));
        }
        return List.copyOf(byNode.values());
    }

    private static Optional<String> nodeOf(String key, String prefix, String leaf) {
        if (!key.startsWith(prefix) || !key.endsWith(leaf)) {
            return Optional.empty();
        }
        String node = key.substring(prefix.length(), key.length() - leaf.length());
        return node.isEmpty() || node.contains("/") ? Optional.empty() : Optional.of(node);
    }

    private NodeStatus parse(String node, KeyValue kv) {
        try {
            JsonNode root = JSON.readTree(kv.value());
            JsonNode sessions = root == null ? null : root.get("sessions");
            if (sessions == null || !sessions.isArray()) {
                throw new IllegalArgumentException("no 'sessions' array");
            }
            List<BgpPeerStatus> v4 = new ArrayList<>();
            List<BgpPeerStatus> v6 = new ArrayList<>();
            for (JsonNode session : sessions) {
                String address = text(session, "peer_address");
                BgpPeerStatus peer = new BgpPeerStatus(address, text(session, "peer_type"), text(session, "state"),
                        since(text(session, "since")), text(session, "info"));
                (address.contains(":") ? v6 : v4).add(peer);
            }
            return new NodeStatus(node, Optional.empty(), v4, v6);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return NodeStatus.missing(node, "The published BGP status at " + kv.key() + " cannot be read (" + why
                    + "); is this tabbyctl older than the node agent?");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    /** BIRD's since column in this machine's time zone. */
    private String since(String iso) {
        Instant since = Instant.parse(iso);
        ZonedDateTime local = since.atZone(clock.getZone());
        boolean recent = Duration.between(since, clock.instant()).abs().compareTo(RECENT) < 0;
        return (recent ? TIME : DATE).format(local);
    }
}
