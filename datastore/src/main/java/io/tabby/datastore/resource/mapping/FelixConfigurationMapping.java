package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.path.GlobalConfigKey;
import io.tabby.datastore.path.HostConfigKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.resource.FelixConfigurationResource;
import io.tabby.datastore.resource.FelixConfigurationSpec;
import io.tabby.datastore.resource.FelixSetting;
import io.tabby.datastore.resource.FelixValue;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * FelixConfiguration to one plain-string key per set field: {@code /calico/v1/config/<Name>} for
 * {@code default}, {@code /calico/v1/host/<node>/config/<Name>} for {@code node.<node>}, and
 * back. Only the v1 names of {@link FelixSetting}s belong to the resource; other config keys
 * (the cluster GUID, the calico version, a node's tunnel addresses) are left alone.
 */
final class FelixConfigurationMapping {
    private static final Logger LOG = LogManager.getLogger(FelixConfigurationMapping.class);

    private FelixConfigurationMapping() {
    }

    static Optional<String> owner(Key<?> key) {
        if (key instanceof GlobalConfigKey k && FelixSetting.byV1Name(k.name()).isPresent()) {
            return Optional.of(BgpConfigurationMapping.DEFAULT);
        }
        if (key instanceof HostConfigKey k && FelixSetting.byV1Name(k.name()).isPresent()) {
            return Optional.of(BgpConfigurationMapping.NODE_PREFIX + k.node());
        }
        return Optional.empty();
    }

    static List<Entry<?>> toEntries(FelixConfigurationResource resource) {
        List<Entry<?>> entries = new ArrayList<>();
        resource.spec().settings().forEach((setting, value) ->
                entries.add(Entry.of(key(resource.name(), setting), FelixValueText.format(setting, value))));
        return entries;
    }

    /** The configuration named {@code name}; empty when none of its keys is stored. */
    static Optional<FelixConfigurationResource> fromEntries(String name, StoredEntries entries) {
        Map<FelixSetting, FelixValue> settings = new EnumMap<>(FelixSetting.class);
        boolean found = false;
        for (FelixSetting setting : FelixSetting.values()) {
            Key<String> key = key(name, setting);
            Optional<String> text = entries.get(key);
            if (text.isEmpty()) {
                continue;
            }
            found = true;
            Optional<FelixValue> value = FelixValueText.parse(setting, text.get());
            if (value.isPresent()) {
                settings.put(setting, value.get());
            } else {
                LOG.warn("ignoring {} = {}: not a valid {}", key.path(), text.get(), setting.v3Name());
            }
        }
        return found ? Optional.of(new FelixConfigurationResource(ResourceMetadata.named(name),
                new FelixConfigurationSpec(settings))) : Optional.empty();
    }

    private static Key<String> key(String name, FelixSetting setting) {
        return name.startsWith(BgpConfigurationMapping.NODE_PREFIX)
                ? new HostConfigKey(name.substring(BgpConfigurationMapping.NODE_PREFIX.length()), setting.v1Name())
                : new GlobalConfigKey(setting.v1Name());
    }
}
