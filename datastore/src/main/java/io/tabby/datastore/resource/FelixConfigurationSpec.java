package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The v3 {@code FelixConfiguration} spec: the settings that are set, in the v3 field order.
 * Felix's spec has dozens of optional fields that all map the same way (one v1 config key per
 * field), so they are data ({@link FelixSetting}) rather than dozens of record components.
 */
public record FelixConfigurationSpec(Map<FelixSetting, FelixValue> settings) {

    public FelixConfigurationSpec {
        requireNonNull(settings, "settings is null");
        EnumMap<FelixSetting, FelixValue> copy = new EnumMap<>(FelixSetting.class);
        settings.forEach((setting, value) -> copy.put(requireNonNull(setting, "setting is null"),
                requireNonNull(value, "value is null")));
        settings = Collections.unmodifiableMap(copy);
    }

    public static FelixConfigurationSpec empty() {
        return new FelixConfigurationSpec(Map.of());
    }

    public Optional<FelixValue> get(FelixSetting setting) {
        return Optional.ofNullable(settings.get(setting));
    }
}
