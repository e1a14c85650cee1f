package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;

/** What {@code IP} / {@code IP6} ask for: an address, autodetection, none, or (unset) keep-else-default. */
public sealed interface AddressSetting {

    /** {@code IP} unset: keep the node's stored address; with none stored, IPv4 autodetects and IPv6 stays off. */
    record Unset() implements AddressSetting {}

    /** {@code autodetect}. */
    record Autodetect() implements AddressSetting {}

    /** {@code none}: the node has no address of this family. */
    record None() implements AddressSetting {}

    /** An address, with or without a prefix length. */
    record Given(IpPrefix address, boolean hasPrefix) implements AddressSetting {
        public Given {
            requireNonNull(address, "address is null");
        }
    }

    /**
     * Parses the value of {@code variable} for {@code family}.
     *
     * @throws IllegalArgumentException naming the variable when the value is neither an address of
     *     the family nor {@code autodetect}/{@code none}
     */
    static AddressSetting parse(String variable, String value, IpFamily family) {
        if (value == null || value.isBlank()) {
            return new Unset();
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("autodetect")) {
            return new Autodetect();
        }
        if (text.equalsIgnoreCase("none")) {
            return new None();
        }
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(text, family);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + "=" + text + " is not an " + Families.label(family)
                    + " address or CIDR; set an address such as " + example(family) + ", autodetect or none");
        }
        if (prefix.family() != family) {
            throw new IllegalArgumentException(variable + "=" + text + " is not an " + Families.label(family)
                    + " address; set an address such as " + example(family) + ", autodetect or none");
        }
        return new Given(prefix, text.contains("/"));
    }

    private static String example(IpFamily family) {
        return family == IpFamily.V4 ? "10.0.2.15/24" : "fd00::15/64";
    }
}
