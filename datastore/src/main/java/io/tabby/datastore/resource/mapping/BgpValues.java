package io.tabby.datastore.resource.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tabby.datastore.resource.BgpConfigurationSpec.Community;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The plain-string forms of BGP settings. Reading is lenient about what other writers put there
 * (calicoctl v1 wrote {@code critical}); a value that cannot be understood is left out with a
 * warning rather than failing the whole read.
 */
final class BgpValues {
    private static final Logger LOG = LogManager.getLogger(BgpValues.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern COMMUNITY_VALUE = Pattern.compile("\\d+:\\d+(:\\d+)?");

    private BgpValues() {
    }

    /** {@code Info} to {@code info}. */
    static String logLevel(String v3) {
        return v3.toLowerCase(Locale.ROOT);
    }

    /** {@code info} to {@code Info}; empty when not a level the v3 API has. */
    static String parseLogLevel(String stored) {
        String level = switch (stored.strip().toLowerCase(Locale.ROOT)) {
            case "debug" -> "Debug";
            case "info" -> "Info";
            case "warning" -> "Warning";
            case "error" -> "Error";
            case "fatal", "critical" -> "Fatal";
            default -> "";
        };
        if (level.isEmpty()) {
            LOG.warn("ignoring BGP log level {}: not one of debug, info, warning, error, fatal", stored);
        }
        return level;
    }

    static int parsePort(String stored) {
        try {
            int port = Integer.parseInt(stored.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("ignoring BGP listen_port {}: not a port", stored);
        return 0;
    }

    /** {@code [{"name":"c1","value":"65000:100"}]}. */
    static String communities(List<Community> communities) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        communities.forEach(c -> array.addObject().put("name", c.name()).put("value", c.value()));
        return array.toString();
    }

    static List<Community> parseCommunities(String stored) {
        List<Community> communities = new ArrayList<>();
        try {
            JsonNode array = JSON.readTree(stored);
            for (JsonNode c : array) {
                communities.add(new Community(c.path("name").asText(""), c.path("value").asText("")));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("ignoring BGP communities {}: not a JSON list of name/value pairs", stored);
            return List.of();
        }
        return communities;
    }

    /** A community as confd needs it: a value as is, a name replaced by its defined value. */
    static String communityValue(String valueOrName, List<Community> defined) {
        if (COMMUNITY_VALUE.matcher(valueOrName).matches()) {
            return valueOrName;
        }
        return defined.stream().filter(c -> c.name().equals(valueOrName)).map(Community::value).findFirst()
                .orElse(valueOrName);
    }

    /** Back from a value to the name that defines it, when exactly one does. */
    static String communityName(String value, List<Community> defined) {
        List<String> names = defined.stream().filter(c -> c.value().equals(value)).map(Community::name).toList();
        return names.size() == 1 ? names.getFirst() : value;
    }
}
