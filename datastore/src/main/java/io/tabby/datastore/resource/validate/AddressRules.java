package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.format.IpNet;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of address-valued fields, each reporting one clear message. */
final class AddressRules {
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");

    private AddressRules() {
    }

    /** A plain address of {@code family}, no prefix. */
    static void address(String field, String value, int family, Violations violations) {
        Optional<IpNet> ip = IpNet.parseAddress(value);
        if (ip.isEmpty() || ip.get().family() != family) {
            violations.add(field, SelectorCheck.quoted(value) + " is not an IPv" + family + " address"
                    + (family == 4 ? " (e.g. 10.0.0.1)" : " (e.g. fd00::1)"));
        }
    }

    /** An address of {@code family}, optionally with the prefix length of its subnet. */
    static void addressWithPrefix(String field, String value, int family, Violations violations) {
        Optional<IpNet> ip = IpNet.parseCidrOrAddress(value);
        if (ip.isEmpty() || ip.get().family() != family) {
            violations.add(field, SelectorCheck.quoted(value) + " is not an IPv" + family
                    + " address with optional prefix length" + (family == 4 ? " (e.g. 10.0.2.15/24)" : " (e.g. fd00::15/64)"));
        }
    }

    /** A network in CIDR form (a plain address counts as one address) with no host bits set. */
    static Optional<IpNet> network(String field, String value, Violations violations) {
        Optional<IpNet> net = IpNet.parseCidrOrAddress(value);
        if (net.isEmpty()) {
            violations.add(field, SelectorCheck.quoted(value) + " is not a valid CIDR (expected <address>/<prefix length>, e.g. 10.96.0.0/12)");
            return Optional.empty();
        }
        if (!net.get().isNetwork()) {
            violations.add(field, value + " has host bits set (use the network address: " + net.get().network() + ")");
            return Optional.empty();
        }
        return net;
    }

    static void mac(String field, String value, Violations violations) {
        if (!MAC.matcher(value).matches()) {
            violations.add(field, SelectorCheck.quoted(value) + " is not a MAC address (expected six hex pairs, e.g. 66:ab:cd:ef:01:23)");
        }
    }
}
