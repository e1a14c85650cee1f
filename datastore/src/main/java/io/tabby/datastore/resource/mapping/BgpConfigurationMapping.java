package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.NodeMesh;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.GlobalBgpField;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.NodeBgpField;
import io.tabby.datastore.path.NodeBgpFieldKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpConfigurationResource;
import io.tabby.datastore.resource.BgpConfigurationSpec;
import io.tabby.datastore.resource.BgpConfigurationSpec.Community;
import io.tabby.datastore.resource.BgpConfigurationSpec.PrefixAdvertisement;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * BGPConfiguration to the global BGP keys ({@code default}) or a node's {@code loglevel}
 * ({@code node.<node>}), and back. Values are what confd's templates read: the log level in
 * lower case, {@code {"enabled":true}} for the mesh, comma-separated service CIDRs, and per-family
 * prefix advertisements whose community names are resolved to values. The community definitions
 * are kept at {@code communities} as {@code [{"name":...,"value":...}]}, so names come back on read.
 */
final class BgpConfigurationMapping {
    static final String DEFAULT = "default";
    static final String NODE_PREFIX = "node.";
    static final List<GlobalBgpField> FIELDS = List.of(GlobalBgpField.AS_NUM, GlobalBgpField.LOGLEVEL,
            GlobalBgpField.LISTEN_PORT, GlobalBgpField.SVC_CLUSTER_IPS, GlobalBgpField.SVC_EXTERNAL_IPS,
            GlobalBgpField.COMMUNITIES);

    private BgpConfigurationMapping() {
    }

    /** The configuration a key belongs to ({@code default} or {@code node.<node>}). */
    static Optional<String> owner(Key<?> key) {
        if (key instanceof GlobalBgpFieldKey k && FIELDS.contains(k.field())
                || key instanceof NodeMeshKey || key instanceof PrefixAdvertisementsKey) {
            return Optional.of(DEFAULT);
        }
        if (key instanceof NodeBgpFieldKey k && k.field() == NodeBgpField.LOGLEVEL) {
            return Optional.of(NODE_PREFIX + k.node());
        }
        return Optional.empty();
    }

    static List<Entry<?>> toEntries(BgpConfigurationResource resource, StoredEntries current) {
        BgpConfigurationSpec spec = resource.spec();
        List<Entry<?>> entries = new ArrayList<>();
        if (resource.name().startsWith(NODE_PREFIX)) {
            String node = resource.name().substring(NODE_PREFIX.length());
            if (!spec.logSeverityScreen().isEmpty()) {
                entries.add(Entry.of(new NodeBgpFieldKey(node, NodeBgpField.LOGLEVEL), BgpValues.logLevel(spec.logSeverityScreen())));
            }
            return entries;
        }
        spec.asNumber().ifPresent(as -> entries.add(global(GlobalBgpField.AS_NUM, as.toString())));
        spec.nodeToNodeMeshEnabled().ifPresent(enabled -> {
            UnknownFields unknown = current.get(new NodeMeshKey()).map(NodeMesh::unknown).orElse(UnknownFields.NONE);
            entries.add(Entry.of(new NodeMeshKey(), new NodeMesh(enabled, unknown)));
        });
        if (!spec.logSeverityScreen().isEmpty()) {
            entries.add(global(GlobalBgpField.LOGLEVEL, BgpValues.logLevel(spec.logSeverityScreen())));
        }
        if (spec.listenPort() != 0) {
            entries.add(global(GlobalBgpField.LISTEN_PORT, Integer.toString(spec.listenPort())));
        }
        if (!spec.serviceClusterIPs().isEmpty()) {
            entries.add(global(GlobalBgpField.SVC_CLUSTER_IPS, String.join(",", spec.serviceClusterIPs())));
        }
        if (!spec.serviceExternalIPs().isEmpty()) {
            entries.add(global(GlobalBgpField.SVC_EXTERNAL_IPS, String.join(",", spec.serviceExternalIPs())));
        }
        if (!spec.communities().isEmpty()) {
            entries.add(global(GlobalBgpField.COMMUNITIES, BgpValues.communities(spec.communities())));
        }
        for (IpFamily family : IpFamily.values()) {
            List<io.tabby.datastore.model.PrefixAdvertisement> advertisements = spec.prefixAdvertisements().stream()
                    .filter(a -> Cidr.parse(a.cidr()).family() == family)
                    .map(a -> new io.tabby.datastore.model.PrefixAdvertisement(Cidr.parse(a.cidr()),
                            a.communities().stream().map(c -> BgpValues.communityValue(c, spec.communities())).toList()))
                    .toList();
            if (!advertisements.isEmpty()) {
                entries.add(Entry.of(new PrefixAdvertisementsKey(family), advertisements));
            }
        }
        return entries;
    }

    /** The configuration named {@code name}; empty when none of its keys is stored. */
    static Optional<BgpConfigurationResource> fromEntries(String name, StoredEntries entries) {
        if (name.startsWith(NODE_PREFIX)) {
            String node = name.substring(NODE_PREFIX.length());
            return entries.get(new NodeBgpFieldKey(node, NodeBgpField.LOGLEVEL)).map(level -> new BgpConfigurationResource(
                    ResourceMetadata.named(name), withLogLevel(BgpConfigurationSpec.empty(), BgpValues.parseLogLevel(level))));
        }
        if (entries.keys().stream().noneMatch(key -> owner(key).filter(DEFAULT::equals).isPresent())) {
            return Optional.empty();
        }
        List<Community> communities = text(entries, GlobalBgpField.COMMUNITIES).map(BgpValues::parseCommunities)
                .orElse(List.of());
        List<PrefixAdvertisement> advertisements = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            entries.get(new PrefixAdvertisementsKey(family)).orElse(List.of()).forEach(a -> advertisements.add(
                    new PrefixAdvertisement(a.cidr().toString(),
                            a.communities().stream().map(c -> BgpValues.communityName(c, communities)).toList())));
        }
        BgpConfigurationSpec spec = new BgpConfigurationSpec(
                text(entries, GlobalBgpField.LOGLEVEL).map(BgpValues::parseLogLevel).orElse(""),
                entries.get(new NodeMeshKey()).map(NodeMesh::enabled),
                text(entries, GlobalBgpField.AS_NUM).flatMap(AsNumber::parse),
                cidrs(entries, GlobalBgpField.SVC_CLUSTER_IPS), cidrs(entries, GlobalBgpField.SVC_EXTERNAL_IPS),
                text(entries, GlobalBgpField.LISTEN_PORT).map(BgpValues::parsePort).orElse(0),
                communities, advertisements);
        return Optional.of(new BgpConfigurationResource(ResourceMetadata.named(DEFAULT), spec));
    }

    private static BgpConfigurationSpec withLogLevel(BgpConfigurationSpec spec, String level) {
        return new BgpConfigurationSpec(level, spec.nodeToNodeMeshEnabled(), spec.asNumber(), spec.serviceClusterIPs(),
                spec.serviceExternalIPs(), spec.listenPort(), spec.communities(), spec.prefixAdvertisements());
    }

    private static Entry<String> global(GlobalBgpField field, String value) {
        return Entry.of(new GlobalBgpFieldKey(field), value);
    }

    private static Optional<String> text(StoredEntries entries, GlobalBgpField field) {
        return entries.get(new GlobalBgpFieldKey(field)).filter(v -> !v.isEmpty());
    }

    private static List<String> cidrs(StoredEntries entries, GlobalBgpField field) {
        return text(entries, field).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
