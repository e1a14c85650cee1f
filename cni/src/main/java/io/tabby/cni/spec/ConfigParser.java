package io.tabby.cni.spec;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonParseException;
import io.tabby.cni.json.JsonReader;
import io.tabby.cni.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the network configuration on stdin for one plugin and command. Malformed
 * JSON and every field problem are code 7 ("invalid network config"); an unsupported
 * {@code cniVersion}, or a command older than the config's version allows, is code 1.
 */
public final class ConfigParser {
    public static final ConfigParser INSTANCE = new ConfigParser();

    /** Network names per spec 1.0. */
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.\\-]*");
    private static final Pattern POOL_NAME = Pattern.compile("[a-z0-9]([a-z0-9.\\-]*[a-z0-9])?");
    private static final Set<String> LOG_LEVELS =
            Set.of("trace", "debug", "info", "warning", "warn", "error", "fatal", "panic");
    private static final int INVALID = CniError.INVALID_NETWORK_CONFIG;

    private ConfigParser() {
    }

    /** The {@code cniVersion} alone, for VERSION (whose stdin carries only that). */
    public Optional<String> versionText(String stdin) throws CniException {
        if (stdin.isBlank()) {
            return Optional.empty();
        }
        return FieldReader.root(parseObject(stdin), INVALID).optionalString("cniVersion");
    }

    public NetworkConfig parse(String stdin, PluginKind plugin, CniCommand command) throws CniException {
        if (stdin.isBlank()) {
            throw CniException.invalidConfig("no network configuration on stdin",
                    "the runtime must write the network config JSON to the plugin's stdin");
        }
        JsonObject raw = parseObject(stdin);
        FieldReader root = FieldReader.root(raw, INVALID);

        String versionText = root.requiredString("cniVersion", "set cniVersion to one of "
                + CniVersion.supportedTexts());
        CniVersion version = CniVersion.parse(versionText).orElseThrow(() -> new CniException(
                CniError.INCOMPATIBLE_VERSION, "cniVersion " + versionText + " is not supported",
                "this plugin supports " + CniVersion.supportedTexts()));
        if (!version.atLeast(command.since())) {
            throw new CniException(CniError.INCOMPATIBLE_VERSION,
                    "config version " + versionText + " does not allow " + command,
                    command + " needs cniVersion " + command.since().text() + " or later");
        }
        String name = root.requiredString("name", "set name to the network's name, e.g. k8s-pod-network");
        if (!NETWORK_NAME.matcher(name).matches()) {
            throw root.error("name", "'" + name + "' has invalid characters",
                    "a network name is letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        String type = root.requiredString("type", "set type to \"tabby\"");
        if (plugin == PluginKind.TABBY && !plugin.acceptedTypes().contains(type)) {
            throw root.error("type", "'" + type + "' is not this plugin's type",
                    "the tabby plugin answers configs of type " + sorted(plugin.acceptedTypes()));
        }
        Optional<String> nodename = root.optionalString("nodename");
        int mtu = mtu(root);
        Optional<String> logLevel = logLevel(root);
        Optional<String> logFile = root.optionalString("log_file_path").filter(p -> !p.isEmpty());
        if (logFile.isPresent() && !logFile.get().startsWith("/")) {
            throw root.error("log_file_path", "'" + logFile.get() + "' is not an absolute path",
                    "give an absolute path such as /var/log/tabby/cni.log");
        }
        IpamConfig ipam = ipam(root);
        List<Label> labels = labels(root);
        Optional<JsonObject> prevResult = root.optionalObject("prevResult").map(FieldReader::object);
        JsonObject runtimeConfig = root.optionalObject("runtimeConfig").map(FieldReader::object)
                .orElse(JsonObject.EMPTY);
        List<Attachment> valid = command == CniCommand.GC ? validAttachments(root) : List.of();
        return new NetworkConfig(version, name, type, nodename, mtu, logLevel, logFile, ipam, labels,
                prevResult, runtimeConfig, valid, raw);
    }

    private static JsonObject parseObject(String stdin) throws CniException {
        JsonValue value;
        try {
            value = JsonReader.INSTANCE.parse(stdin);
        } catch (JsonParseException e) {
            throw CniException.invalidConfig("network config on stdin is not valid JSON", e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw CniException.invalidConfig("network config on stdin is a JSON " + value.kind() + ", not an object",
                    "the runtime must write one JSON object");
        }
        return object;
    }

    private static int mtu(FieldReader root) throws CniException {
        OptionalLong mtu = root.optionalLong("mtu");
        if (mtu.isEmpty() || mtu.getAsLong() == 0) {
            return 0;
        }
        if (mtu.getAsLong() < 68 || mtu.getAsLong() > 65535) {
            throw root.error("mtu", mtu.getAsLong() + " is out of range",
                    "use 68..65535 (1500 on plain Ethernet; lower with IPIP or VXLAN), or 0 for the default");
        }
        return (int) mtu.getAsLong();
    }

    private static Optional<String> logLevel(FieldReader root) throws CniException {
        Optional<String> level = root.optionalString("log_level").filter(l -> !l.isEmpty())
                .map(l -> l.toLowerCase(Locale.ROOT));
        if (level.isPresent() && !LOG_LEVELS.contains(level.get())) {
            throw root.error("log_level", "'" + level.get() + "' is not a log level",
                    "use one of " + sorted(LOG_LEVELS));
        }
        return level;
    }

    private static IpamConfig ipam(FieldReader root) throws CniException {
        FieldReader ipam = root.optionalObject("ipam").orElseThrow(() -> root.error("ipam", "missing",
                "add \"ipam\": {\"type\": \"tabby-ipam\"}"));
        String type = ipam.requiredString("type", "set ipam.type to \"tabby-ipam\"");
        if (!PluginKind.IPAM_TYPES.contains(type)) {
            throw root.error("ipam.type", "'" + type + "' is not supported",
                    "Tabby's node agent does the IPAM: set ipam.type to one of " + sorted(PluginKind.IPAM_TYPES));
        }
        boolean v4 = ipam.optionalFlag("assign_ipv4").orElse(true);
        boolean v6 = ipam.optionalFlag("assign_ipv6").orElse(false);
        if (!v4 && !v6) {
            throw root.error("ipam", "assign_ipv4 and assign_ipv6 are both false",
                    "set at least one of them to \"true\"");
        }
        return new IpamConfig(type, v4, v6, pools(ipam, "ipv4_pools", 4), pools(ipam, "ipv6_pools", 6));
    }

    private static List<String> pools(FieldReader ipam, String field, int family) throws CniException {
        List<String> pools = ipam.stringList(field);
        for (int i = 0; i < pools.size(); i++) {
            String pool = pools.get(i);
            String at = ipam.pathOf(field) + "[" + i + "]";
            if (pool.indexOf('/') >= 0) {
                if (!IpLiteral.cidrVersion(pool).equals(Optional.of(family))) {
                    throw ipam.error(at, "'" + pool + "' is not an IPv" + family + " CIDR",
                            "give an IPv" + family + " pool CIDR such as "
                                    + (family == 4 ? "192.168.0.0/16" : "fd00:10::/64") + " or a pool name");
                }
            } else if (!POOL_NAME.matcher(pool).matches()) {
                throw ipam.error(at, "'" + pool + "' is neither a CIDR nor a pool name",
                        "give a pool CIDR or an IP pool's name (lower-case letters, digits, '.', '-')");
            }
        }
        return pools;
    }

    private static List<Label> labels(FieldReader root) throws CniException {
        Optional<FieldReader> args = root.optionalObject("args");
        Optional<FieldReader> cni = args.isPresent() ? args.get().optionalObject("cni") : Optional.empty();
        List<Label> labels = new ArrayList<>();
        if (cni.isPresent()) {
            for (FieldReader label : cni.get().objectList("labels")) {
                String key = label.requiredString("key", "give each label a non-empty key");
                String value = label.optionalString("value").orElse("");
                labels.add(new Label(key, value));
            }
        }
        return labels;
    }

    private static List<Attachment> validAttachments(FieldReader root) throws CniException {
        // libcni sends both names (an early spec typo); either is accepted.
        String field = root.get("cni.dev/valid-attachments").isPresent()
                ? "cni.dev/valid-attachments" : "cni.dev/attachments";
        if (root.get(field).isEmpty()) {
            throw root.error("cni.dev/valid-attachments", "missing",
                    "GC needs the list of attachments to keep; without it every address would be released");
        }
        List<Attachment> valid = new ArrayList<>();
        for (FieldReader a : root.objectList(field)) {
            valid.add(new Attachment(a.requiredString("containerID", "give each attachment its containerID"),
                    a.requiredString("ifname", "give each attachment its ifname")));
        }
        return valid;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
