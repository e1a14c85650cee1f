package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.ProfileLabelsKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.ProfileTagsKey;
import io.tabby.datastore.resource.ProfileResource;
import io.tabby.datastore.resource.ProfileSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profile to {@code /calico/v1/policy/profile/<name>/rules} (always) and {@code .../labels} (the
 * labels to apply, when there are any), and back. A stored {@code tags} key belongs to the profile
 * (a delete removes it) but v3 has no tags, so it is not shown.
 */
final class ProfileMapping {
    private ProfileMapping() {
    }

    static Optional<String> owner(Key<?> key) {
        return switch (key) {
            case ProfileRulesKey k -> Optional.of(k.profile());
            case ProfileLabelsKey k -> Optional.of(k.profile());
            case ProfileTagsKey k -> Optional.of(k.profile());
            default -> Optional.empty();
        };
    }

    static List<Entry<?>> toEntries(ProfileResource resource, StoredEntries current) {
        String name = resource.name();
        ProfileRulesKey rulesKey = new ProfileRulesKey(name);
        List<Entry<?>> entries = new ArrayList<>();
        entries.add(Entry.of(rulesKey, new ProfileRules(RuleMapping.toV1(resource.spec().ingress(), ""),
                RuleMapping.toV1(resource.spec().egress(), ""),
                current.get(rulesKey).map(ProfileRules::unknown).orElse(UnknownFields.NONE))));
        if (!resource.spec().labelsToApply().isEmpty()) {
            entries.add(Entry.of(new ProfileLabelsKey(name), resource.spec().labelsToApply()));
        }
        return entries;
    }

    /** The profile named {@code name}; empty when neither its rules nor its labels are stored. */
    static Optional<ProfileResource> fromEntries(String name, StoredEntries entries) {
        Optional<ProfileRules> rules = entries.get(new ProfileRulesKey(name));
        Optional<Map<String, String>> labels = entries.get(new ProfileLabelsKey(name));
        if (rules.isEmpty() && labels.isEmpty()) {
            return Optional.empty();
        }
        ProfileSpec spec = new ProfileSpec(
                rules.map(r -> RuleMapping.toV3(r.inboundRules(), "")).orElse(List.of()),
                rules.map(r -> RuleMapping.toV3(r.outboundRules(), "")).orElse(List.of()),
                labels.orElse(Map.of()));
        return Optional.of(new ProfileResource(ResourceMetadata.named(name), spec));
    }
}
