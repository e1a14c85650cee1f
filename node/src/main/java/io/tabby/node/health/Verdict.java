package io.tabby.node.health;

import static java.util.Objects.requireNonNull;

/**
 * One component's answer to a probe.
 *
 * @param passing whether the component is live (or ready)
 * @param detail a short reason, shown after the component's name; required when not passing
 */
public record Verdict(boolean passing, String detail) {

    private static final Verdict PASS = new Verdict(true, "");

    public Verdict {
        requireNonNull(detail, "detail is null");
        if (detail.contains("\n")) {
            throw new IllegalArgumentException("a health detail is one line: " + detail);
        }
        if (!passing && detail.isBlank()) {
            throw new IllegalArgumentException("a failing health verdict must say why");
        }
    }

    public static Verdict pass() {
        return PASS;
    }

    public static Verdict fail(String why) {
        return new Verdict(false, why);
    }
}
