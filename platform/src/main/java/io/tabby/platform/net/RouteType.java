package io.tabby.platform.net;

import java.util.Locale;

/** The kernel's route types ({@code rtm_type}) with their numbers. */
public enum RouteType {
    UNICAST(1),
    LOCAL(2),
    BROADCAST(3),
    ANYCAST(4),
    MULTICAST(5),
    BLACKHOLE(6),
    UNREACHABLE(7),
    PROHIBIT(8),
    THROW(9);

    private final int number;

    RouteType(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The iproute2 keyword, e.g. {@code blackhole}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RouteType ofNumber(int number) {
        for (RouteType type : values()) {
            if (type.number == number) {
                return type;
            }
        }
        throw new IllegalArgumentException("route type " + number + " is not one Tabby knows (1..9)");
    }
}
