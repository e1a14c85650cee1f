package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

/**
 * What decides a flow in one direction at one endpoint.
 *
 * @param allowed whether the packet passes
 * @param decidedBy {@code policy}, {@code profile} or {@code default}
 * @param name the policy or profile name, or what default applied
 * @param ruleIndex the 0-based index of the deciding rule in the inbound or outbound list, or -1
 *     for a default
 * @param reason a sentence for people
 */
public record Verdict(boolean allowed, String decidedBy, String name, int ruleIndex, String reason) {
    public Verdict {
        requireNonNull(decidedBy, "decidedBy is null");
        requireNonNull(name, "name is null");
        requireNonNull(reason, "reason is null");
    }
}
