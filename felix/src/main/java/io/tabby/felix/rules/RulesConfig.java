package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The felix parameters that shape rendered rules.
 *
 * @param marks the mark bits ({@code IptablesMarkMask})
 * @param endpointToHostAction {@code DefaultEndpointToHostAction}: DROP, RETURN or ACCEPT
 * @param logPrefix {@code LogPrefix} for {@code log} rules without their own prefix
 */
public record RulesConfig(MarkBits marks, String endpointToHostAction, String logPrefix) {
    private static final Set<String> HOST_ACTIONS = Set.of("DROP", "RETURN", "ACCEPT");

    public static final RulesConfig DEFAULTS = new RulesConfig(MarkBits.DEFAULT, "DROP", "calico-packet");

    public RulesConfig {
        requireNonNull(marks, "marks is null");
        requireNonNull(endpointToHostAction, "endpointToHostAction is null");
        requireNonNull(logPrefix, "logPrefix is null");
        if (!HOST_ACTIONS.contains(endpointToHostAction)) {
            throw new IllegalArgumentException("DefaultEndpointToHostAction " + endpointToHostAction
                    + " is not one of DROP, RETURN, ACCEPT");
        }
        if (logPrefix.contains("\"")) {
            throw new IllegalArgumentException("LogPrefix " + logPrefix + " contains a double quote");
        }
    }
}
