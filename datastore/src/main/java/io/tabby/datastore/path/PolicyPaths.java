package io.tabby.datastore.path;

import io.tabby.datastore.model.Quote;

/** {@code /calico/v1/policy/...}: profiles (rules, tags, labels), policies and tier metadata. */
final class PolicyPaths {

    static final String PROFILE = KeyPaths.V1 + "policy/profile/";
    static final String TIER = KeyPaths.V1 + "policy/tier/";

    private static final Shape PROFILE_SHAPE = new Shape("profile", PROFILE + "<profile>/<rules|tags|labels>");
    private static final Shape TIER_SHAPE = new Shape("tier", TIER + "<tier>/<metadata|policy/<name>>");
    private static final Shape POLICY = new Shape("policy", TIER + "<tier>/policy/<name>");
    private static final Shape TIER_METADATA = new Shape("tier metadata", TIER + "<tier>/metadata");

    private PolicyPaths() {}

    static String profileRules(ProfileRulesKey key) {
        return PROFILE + Segments.escape(key.profile()) + "/rules";
    }

    static String profileTags(ProfileTagsKey key) {
        return PROFILE + Segments.escape(key.profile()) + "/tags";
    }

    static String profileLabels(ProfileLabelsKey key) {
        return PROFILE + Segments.escape(key.profile()) + "/labels";
    }

    static String policy(PolicyKey key) {
        return TIER + key.tier() + "/policy/" + Segments.escape(key.name());
    }

    static String tierMetadata(TierMetadataKey key) {
        return TIER + key.tier() + "/metadata";
    }

    static Key<?> parse(SplitPath p) {
        String kind = p.at(3);
        if ("profile".equals(kind)) {
            return parseProfile(p);
        }
        if ("tier".equals(kind)) {
            return parseTier(p);
        }
        throw p.unknown(kind == null ? "incomplete policy key" : "unknown policy key " + Quote.of(kind),
                PROFILE + "<profile>/<rules|tags|labels> or " + TIER + "<tier>/policy/<name>");
    }

    private static Key<?> parseProfile(SplitPath p) {
        p.requireSize(6, PROFILE_SHAPE);
        String profile = p.text(4, "profile name", PROFILE_SHAPE);
        return switch (p.at(5)) {
            case "rules" -> new ProfileRulesKey(profile);
            case "tags" -> new ProfileTagsKey(profile);
            case "labels" -> new ProfileLabelsKey(profile);
            default -> throw p.fail(PROFILE_SHAPE, "unknown entry " + Quote.of(p.at(5)));
        };
    }

    private static Key<?> parseTier(SplitPath p) {
        if (p.size() < 6) {
            throw p.incomplete(TIER_SHAPE);
        }
        String tier = p.plain(4, "tier name", TIER_SHAPE);
        return switch (p.at(5)) {
            case "metadata" -> {
                p.requireSize(6, TIER_METADATA);
                yield new TierMetadataKey(tier);
            }
            case "policy" -> {
                p.requireSize(7, POLICY);
                yield new PolicyKey(tier, p.text(6, "policy name", POLICY));
            }
            default -> throw p.fail(TIER_SHAPE, "unknown entry " + Quote.of(p.at(5)));
        };
    }
}
