package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.TierMetadata;
import java.util.List;
import java.util.Map;

/**
 * Policies, profile rules, tags and labels, and tier metadata: the JSON values under
 * {@code /calico/v1/policy}.
 */
final class PolicyJson {

    private PolicyJson() {}

    static Policy decodePolicy(JsonIn in) {
        return new Policy(in.optNumber("order"), RuleJson.decodeList(in, "inbound_rules"),
                RuleJson.decodeList(in, "outbound_rules"), in.string("selector"), in.bool("untracked"),
                in.stringMap("annotations"), in.bool("pre_dnat"), in.bool("apply_on_forward"),
                in.list("types", in::stringElement), in.unknown());
    }

    static void encodePolicy(Policy policy, JsonOut out) {
        out.startObject();
        out.goFloatIfPresent("order", policy.order());
        RuleJson.encodeListIfSet("inbound_rules", policy.inboundRules(), out);
        RuleJson.encodeListIfSet("outbound_rules", policy.outboundRules(), out);
        out.string("selector", policy.selector());
        out.boolIfTrue("untracked", policy.untracked());
        out.stringMapIfSet("annotations", policy.annotations());
        out.boolIfTrue("pre_dnat", policy.preDnat());
        out.boolIfTrue("apply_on_forward", policy.applyOnForward());
        out.stringsIfSet("types", policy.types());
        out.unknown(policy.unknown());
        out.endObject();
    }

    static ProfileRules decodeProfileRules(JsonIn in) {
        return new ProfileRules(RuleJson.decodeList(in, "inbound_rules"), RuleJson.decodeList(in, "outbound_rules"),
                in.unknown());
    }

    static void encodeProfileRules(ProfileRules rules, JsonOut out) {
        out.startObject();
        RuleJson.encodeListIfSet("inbound_rules", rules.inboundRules(), out);
        RuleJson.encodeListIfSet("outbound_rules", rules.outboundRules(), out);
        out.unknown(rules.unknown());
        out.endObject();
    }

    /** A JSON array of strings; {@code null} reads as empty. */
    static List<String> decodeTags(JsonNode root, Decoding decoding) {
        if (root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw decoding.error(null, "is " + Decoding.describe(root) + ", expected a JSON array of tags");
        }
        return List.copyOf(JsonIn.list(root, "", (element, where) -> {
            if (!element.isTextual()) {
                throw decoding.wrongType(where, element, "a string");
            }
            return element.textValue();
        }, decoding));
    }

    /** A JSON map of strings; {@code null} reads as empty. */
    static Map<String, String> decodeLabels(JsonNode root, Decoding decoding) {
        if (root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw decoding.error(null, "is " + Decoding.describe(root) + ", expected a JSON object of labels");
        }
        return Map.copyOf(JsonIn.stringMap(root, null, decoding));
    }

    static TierMetadata decodeTier(JsonIn in) {
        return new TierMetadata(in.optNumber("order"), in.unknown());
    }

    static void encodeTier(TierMetadata tier, JsonOut out) {
        out.startObject();
        out.goFloatIfPresent("order", tier.order());
        out.unknown(tier.unknown());
        out.endObject();
    }
}
