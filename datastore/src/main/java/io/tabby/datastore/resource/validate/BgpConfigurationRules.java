package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.BgpConfigurationSpec;
import io.tabby.datastore.resource.BgpConfigurationSpec.Community;
import io.tabby.datastore.resource.BgpConfigurationSpec.PrefixAdvertisement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** BGPConfiguration rules, including what a per-node ({@code node.<name>}) configuration may set. */
final class BgpConfigurationRules {
    static final List<String> LOG_LEVELS = List.of("Debug", "Info", "Warning", "Error", "Fatal");
    private static final Pattern COMMUNITY = Pattern.compile("(\\d+):(\\d+)(?::(\\d+))?");

    private BgpConfigurationRules() {
    }

    static void check(String name, BgpConfigurationSpec spec, Violations violations) {
        if (!spec.logSeverityScreen().isEmpty() && !LOG_LEVELS.contains(spec.logSeverityScreen())) {
            violations.add("spec.logSeverityScreen", SelectorCheck.quoted(spec.logSeverityScreen())
                    + " is not a log level (allowed: Debug, Info, Warning, Error, Fatal)");
        }
        AsNumberRules.check("spec.asNumber", spec.asNumber(), violations);
        if (spec.listenPort() < 0 || spec.listenPort() > 65535) {
            violations.add("spec.listenPort", spec.listenPort() + " is not a port (allowed: 1..65535)");
        }
        checkNetworks("spec.serviceClusterIPs", spec.serviceClusterIPs(), violations);
        checkNetworks("spec.serviceExternalIPs", spec.serviceExternalIPs(), violations);
        for (int i = 0; i < spec.communities().size(); i++) {
            checkCommunity("spec.communities[" + i + "]", spec.communities().get(i), violations);
        }
        for (int i = 0; i < spec.prefixAdvertisements().size(); i++) {
            checkAdvertisement("spec.prefixAdvertisements[" + i + "]", spec.prefixAdvertisements().get(i),
                    spec.communities(), violations);
        }
        if (name.startsWith("node.")) {
            checkNodeScope(spec, violations);
        }
    }

    /**
     * A node's AS is its Node's {@code spec.bgp.asNumber} (the same v1 key), and the other
     * settings are read only from the global keys, so a per-node configuration sets only the log level.
     */
    private static void checkNodeScope(BgpConfigurationSpec spec, Violations violations) {
        String onlyDefault = "only the default BGPConfiguration can set this (node.<name> allows only logSeverityScreen)";
        if (spec.asNumber().isPresent()) {
            violations.add("spec.asNumber", "only the default BGPConfiguration can set this (set a node's AS in its Node spec.bgp.asNumber)");
        }
        if (spec.nodeToNodeMeshEnabled().isPresent()) {
            violations.add("spec.nodeToNodeMeshEnabled", onlyDefault);
        }
        if (!spec.serviceClusterIPs().isEmpty()) {
            violations.add("spec.serviceClusterIPs", onlyDefault);
        }
        if (!spec.serviceExternalIPs().isEmpty()) {
            violations.add("spec.serviceExternalIPs", onlyDefault);
        }
        if (spec.listenPort() != 0) {
            violations.add("spec.listenPort", onlyDefault);
        }
        if (!spec.communities().isEmpty()) {
            violations.add("spec.communities", onlyDefault);
        }
        if (!spec.prefixAdvertisements().isEmpty()) {
            violations.add("spec.prefixAdvertisements", onlyDefault);
        }
    }

    private static void checkNetworks(String field, List<String> cidrs, Violations violations) {
        for (int i = 0; i < cidrs.size(); i++) {
            String entry = field + "[" + i + "].cidr";
            if (cidrs.get(i).isEmpty()) {
                violations.add(entry, "missing (e.g. 10.96.0.0/12)");
            } else {
                AddressRules.network(entry, cidrs.get(i), violations);
            }
        }
    }

    private static void checkCommunity(String field, Community community, Violations violations) {
        if (community.name().isEmpty()) {
            violations.add(field + ".name", "missing (the name prefixAdvertisements refer to)");
        } else if (!Names.isSubdomain(community.name())) {
            violations.add(field + ".name", SelectorCheck.quoted(community.name()) + " is not a valid name ("
                    + Names.NAME_RULE + ")");
        }
        if (community.value().isEmpty()) {
            violations.add(field + ".value", "missing (aa:nn or aa:nn:mm)");
        } else if (!isCommunityValue(community.value())) {
            violations.add(field + ".value", SelectorCheck.quoted(community.value())
                    + " is not a community value (allowed: aa:nn with 16-bit numbers, or aa:nn:mm with 32-bit numbers)");
        }
    }

    private static void checkAdvertisement(String field, PrefixAdvertisement advertisement, List<Community> defined,
            Violations violations) {
        if (advertisement.cidr().isEmpty()) {
            violations.add(field + ".cidr", "missing (e.g. 192.168.0.0/16)");
        } else {
            AddressRules.network(field + ".cidr", advertisement.cidr(), violations);
        }
        if (advertisement.communities().isEmpty()) {
            violations.add(field + ".communities", "missing (community values or names from spec.communities)");
        }
        for (int i = 0; i < advertisement.communities().size(); i++) {
            String community = advertisement.communities().get(i);
            boolean named = defined.stream().anyMatch(c -> c.name().equals(community));
            if (!named && !isCommunityValue(community)) {
                violations.add(field + ".communities[" + i + "]", SelectorCheck.quoted(community)
                        + " is neither a community value (aa:nn or aa:nn:mm) nor a name defined in spec.communities");
            }
        }
    }

    /** {@code aa:nn} with 16-bit parts (standard) or {@code aa:nn:mm} with 32-bit parts (large). */
    static boolean isCommunityValue(String value) {
        Matcher m = COMMUNITY.matcher(value);
        if (!m.matches()) {
            return false;
        }
        long limit = m.group(3) == null ? 0xFFFFL : 0xFFFF_FFFFL;
        for (int g = 1; g <= 3; g++) {
            String part = m.group(g);
            if (part != null && (part.length() > 10 || Long.parseLong(part) > limit)) {
                return false;
            }
        }
        return true;
    }
}
