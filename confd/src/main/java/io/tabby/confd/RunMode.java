package io.tabby.confd;

/** How confd runs, from its flags. */
public enum RunMode {
    /** {@code -onetime}: process every resource once and exit. */
    ONETIME,
    /** {@code -watch}: re-render what each change touches, debounced. */
    WATCH,
    /** neither: process every resource every {@code -interval} seconds. */
    INTERVAL
}
