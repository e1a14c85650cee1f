package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.FelixConfigurationSpec;
import io.tabby.datastore.resource.FelixSetting;
import io.tabby.datastore.resource.FelixValue;
import java.util.List;

/** FelixConfiguration rules: each set value within its setting's range or choices. */
final class FelixConfigurationRules {
    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");

    private FelixConfigurationRules() {
    }

    static void check(FelixConfigurationSpec spec, Violations violations) {
        spec.settings().forEach((setting, value) -> check(setting, value, violations));
    }

    private static void check(FelixSetting setting, FelixValue value, Violations violations) {
        String field = "spec." + setting.v3Name();
        switch (value) {
            case FelixValue.Number n when n.value() < setting.min() || n.value() > setting.max() ->
                    violations.add(field, n.value() + " is out of range (allowed: " + setting.min() + ".." + setting.max() + ")");
            case FelixValue.Text t when setting.type() == FelixSetting.ValueType.CHOICE
                    && !setting.choices().contains(t.value()) ->
                    violations.add(field, SelectorCheck.quoted(t.value()) + " is not allowed (allowed: "
                            + String.join(", ", setting.choices()) + ")");
            case FelixValue.Text t when setting.type() == FelixSetting.ValueType.IPV4_ADDRESS ->
                    AddressRules.address(field, t.value(), 4, violations);
            case FelixValue.Ports p -> {
                for (int i = 0; i < p.value().size(); i++) {
                    FelixValue.ProtoPort port = p.value().get(i);
                    if (!PROTOCOLS.contains(port.protocol())) {
                        violations.add(field + "[" + i + "].protocol", SelectorCheck.quoted(port.protocol())
                                + " is not allowed (allowed: TCP, UDP, SCTP)");
                    }
                    if (port.port() < 1 || port.port() > 65535) {
                        violations.add(field + "[" + i + "].port", port.port() + " is not a port (allowed: 1..65535)");
                    }
                }
            }
            case FelixValue.TableRange r when r.min() < 1 || r.max() < r.min() || r.max() > 250 ->
                    violations.add(field, "{min: " + r.min() + ", max: " + r.max()
                            + "} is not a valid range of route tables (allowed: 1 <= min <= max <= 250)");
            default -> {
                // every other value was fully checked when it was read
            }
        }
    }
}
