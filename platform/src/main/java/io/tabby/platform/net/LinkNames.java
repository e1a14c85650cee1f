package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of interface names and MAC addresses before they reach an argv. */
public final class LinkNames {

    /** The kernel's IFNAMSIZ is 16 including the terminating NUL. */
    public static final int MAX_LENGTH = 15;

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    private LinkNames() {
    }

    /** Throws unless {@code name} is a legal interface name; returns it. */
    public static String check(String name) {
        requireNonNull(name, "interface name is null");
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("'" + name + "' is not a valid interface name: use 1 to "
                    + MAX_LENGTH + " characters without '/', ':' or whitespace");
        }
        return name;
    }

    /** Throws unless {@code mac} is six colon-separated hex bytes; returns it in lower case. */
    public static String checkMac(String mac) {
        requireNonNull(mac, "mac is null");
        String lower = mac.toLowerCase(Locale.ROOT);
        if (!MAC.matcher(lower).matches()) {
            throw new IllegalArgumentException("'" + mac + "' is not a MAC address like ee:ee:ee:ee:ee:ee");
        }
        return lower;
    }
}
