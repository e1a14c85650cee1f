package io.tabby.felix.calc;

import java.util.Comparator;

/**
 * Calico's policy order: ascending {@code order}; policies without an order after all ordered
 * ones; ties broken by name.
 */
public final class PolicyOrder {
    /** Orders parsed policies. */
    public static final Comparator<ParsedPolicy> COMPARATOR = Comparator
            .comparing((ParsedPolicy p) -> p.policy().order(), Comparator.nullsLast(Comparator.<Double>naturalOrder()))
            .thenComparing(ParsedPolicy::name);

    private PolicyOrder() {}
}
