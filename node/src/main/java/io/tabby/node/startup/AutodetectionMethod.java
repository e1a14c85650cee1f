package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to find the node's address when none is given ({@code IP_AUTODETECTION_METHOD},
 * {@code IP6_AUTODETECTION_METHOD}), with calico/node's spellings.
 */
public sealed interface AutodetectionMethod {

    /** {@code first-found}: the first address on an interface that is not excluded. */
    record FirstFound() implements AutodetectionMethod {}

    /** {@code interface=<regex>}: the first address on an interface whose whole name matches. */
    record InterfaceMatch(Pattern pattern) implements AutodetectionMethod {
        public InterfaceMatch {
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code skip-interface=<regex>}: first-found, also skipping interfaces whose name matches. */
    record SkipInterface(Pattern pattern) implements AutodetectionMethod {
        public SkipInterface {
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code can-reach=<ip or name>}: the source address the kernel picks to reach the destination. */
    record CanReach(String destination) implements AutodetectionMethod {
        public CanReach {
            requireNonNull(destination, "destination is null");
            if (destination.isBlank()) {
                throw new IllegalArgumentException("can-reach needs a destination");
            }
        }
    }

    /** {@code cidr=<cidr>,...}: the first address inside one of the CIDRs. */
    record CidrMatch(List<IpPrefix> cidrs) implements AutodetectionMethod {
        public CidrMatch {
            cidrs = List.copyOf(requireNonNull(cidrs, "cidrs is null"));
            if (cidrs.isEmpty()) {
                throw new IllegalArgumentException("cidr= needs at least one CIDR");
            }
        }
    }

    /**
     * Parses {@code variable}'s value; unset or blank means {@code first-found}.
     *
     * @throws IllegalArgumentException naming the variable and the accepted forms
     */
    static AutodetectionMethod parse(String variable, String value) {
        if (value == null || value.isBlank() || value.strip().equals("first-found")) {
            return new FirstFound();
        }
        String text = value.strip();
        try {
            if (text.startsWith("interface=")) {
                return new InterfaceMatch(Pattern.compile(text.substring("interface=".length())));
            }
            if (text.startsWith("skip-interface=")) {
                return new SkipInterface(Pattern.compile(text.substring("skip-interface=".length())));
            }
            if (text.startsWith("can-reach=")) {
                return new CanReach(text.substring("can-reach=".length()).strip());
            }
            if (text.startsWith("cidr=")) {
                List<IpPrefix> cidrs = new ArrayList<>();
                for (String part : text.substring("cidr=".length()).split(",")) {
                    if (!part.isBlank()) {
                        cidrs.add(IpPrefix.parse(part.strip()).network());
                    }
                }
                return new CidrMatch(cidrs);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + "=" + text + " is not valid: " + e.getMessage()
                    + "; use first-found, interface=<regex>, skip-interface=<regex>, can-reach=<ip or name> "
                    + "or cidr=<cidr>,...", e);
        }
        throw new IllegalArgumentException(variable + "=" + text + " is not a known method; use first-found, "
                + "interface=<regex>, skip-interface=<regex>, can-reach=<ip or name> or cidr=<cidr>,...");
    }
}
