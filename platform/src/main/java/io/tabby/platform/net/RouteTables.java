package io.tabby.platform.net;

/** Routing table numbers with a name in iproute2's {@code rt_tables}. */
public final class RouteTables {

    /** In a filter: every table ({@code table all}). Never a table a route lives in. */
    public static final int ALL = 0;
    /** {@code default}. */
    public static final int DEFAULT = 253;
    /** {@code main}: where routes go unless a table is given. */
    public static final int MAIN = 254;
    /** {@code local}: the kernel's local and broadcast routes. */
    public static final int LOCAL = 255;

    private RouteTables() {
    }

    /** Throws unless {@code table} is a table a route can live in. */
    public static int check(int table) {
        if (table < 1) {
            throw new IllegalArgumentException("route table " + table + " is not a table a route can be in (use 1.."
                    + Integer.MAX_VALUE + ", e.g. RouteTables.MAIN)");
        }
        return table;
    }
}
