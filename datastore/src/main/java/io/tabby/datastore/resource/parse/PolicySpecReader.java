package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ProfileSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the specs with rules: NetworkPolicy, GlobalNetworkPolicy and Profile. */
final class PolicySpecReader {
    private PolicySpecReader() {
    }

    static PolicySpec read(Optional<FieldReader> found, boolean global) {
        if (found.isEmpty()) {
            return PolicySpec.of(null, "", List.of(), List.of(), List.of());
        }
        FieldReader spec = found.get();
        Double order = order(spec);
        var ingress = RuleReader.readList(spec, "ingress");
        var egress = RuleReader.readList(spec, "egress");
        String selector = spec.text("selector");
        List<String> types = spec.texts("types");
        String namespaceSelector = "";
        boolean doNotTrack = false;
        boolean preDnat = false;
        boolean applyOnForward = false;
        if (global) {
            doNotTrack = spec.flag("doNotTrack");
            preDnat = spec.flag("preDNAT");
            applyOnForward = spec.flag("applyOnForward");
            namespaceSelector = spec.text("namespaceSelector");
        }
        // calicoctl prints the tier; only the default tier exists in the v1 layout
        JsonNode tier = spec.raw("tier");
        if (tier != null && !(tier.isTextual() && tier.textValue().equals("default"))) {
            spec.violations().add(spec.path("tier"), "only the tier \"default\" exists in the etcd v1 layout"
                    + FieldReader.found(tier));
        }
        spec.rejectUnknown();
        return new PolicySpec(order, selector, types, ingress, egress, namespaceSelector, doNotTrack, preDnat,
                applyOnForward);
    }

    static ProfileSpec readProfile(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return new ProfileSpec(List.of(), List.of(), Map.of());
        }
        FieldReader spec = found.get();
        var ingress = RuleReader.readList(spec, "ingress");
        var egress = RuleReader.readList(spec, "egress");
        Map<String, String> labels = spec.textMap("labelsToApply");
        spec.rejectUnknown();
        return new ProfileSpec(ingress, egress, labels);
    }

    private static Double order(FieldReader spec) {
        JsonNode value = spec.raw("order");
        if (value == null) {
            return null;
        }
        if (value.isNumber() && Double.isFinite(value.doubleValue())) {
            return value.doubleValue();
        }
        spec.violations().add(spec.path("order"), "must be a number (lower orders apply first)"
                + FieldReader.found(value));
        return null;
    }
}
