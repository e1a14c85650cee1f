package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * The felix parameters that shape rendered rules.
 *
 * @param marks the mark bits ({@code IptablesMarkMask})
 * @param endpointToHostAction {@code DefaultEndpointToHostAction}: DROP, RETURN or ACCEPT
 * @param logPrefix {@code LogPrefix} for {@code log} rules without their own prefix
 * @param failsafeInbound {@code FailsafeInboundHostPorts}: accepted into the host through any host endpoint
 * @param failsafeOutbound {@code FailsafeOutboundHostPorts}: accepted out of the host through any host endpoint
 */
public record RulesConfig(MarkBits marks, String endpointToHostAction, String logPrefix,
        List<FailsafePort> failsafeInbound, List<FailsafePort> failsafeOutbound) {
    private static final Set<String> HOST_ACTIONS = Set.of("DROP", "RETURN", "ACCEPT");

    public static final RulesConfig DEFAULTS = new RulesConfig(MarkBits.DEFAULT, "DROP", "calico-packet");

    /** Settings with Calico's default failsafe ports. */
    public RulesConfig(MarkBits marks, String endpointToHostAction, String logPrefix) {
        this(marks, endpointToHostAction, logPrefix, FailsafePort.DEFAULT_INBOUND, FailsafePort.DEFAULT_OUTBOUND);
    }

    public RulesConfig {
        requireNonNull(marks, "marks is null");
        failsafeInbound = List.copyOf(requireNonNull(failsafeInbound, "failsafeInbound is null"));
        failsafeOutbound = List.copyOf(requireNonNull(failsafeOutbound, "failsafeOutbound is null"));
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
