package io.tabby.platform.net;

/** The kernel's route scopes ({@code rtm_scope}) with their numbers. */
public enum RouteScope {
    UNIVERSE(0),
    SITE(200),
    LINK(253),
    HOST(254),
    NOWHERE(255);

    private final int number;

    RouteScope(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static RouteScope ofNumber(int number) {
        for (RouteScope scope : values()) {
            if (scope.number == number) {
                return scope;
            }
        }
        throw new IllegalArgumentException("route scope " + number + " is not one Tabby knows (0, 200, 253-255)");
    }
}
