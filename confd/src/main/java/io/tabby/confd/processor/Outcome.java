package io.tabby.confd.processor;

/** What processing one template resource came to. */
public enum Outcome {
    /** The rendered file equals the destination: nothing checked, swapped or reloaded. */
    UNCHANGED,
    /** The destination was replaced (and reloaded, unless sync-only). */
    UPDATED,
    /** noop mode: the destination would change (and the check, if any, passed); nothing was touched. */
    WOULD_UPDATE,
    /** The template failed to render; the destination is untouched. */
    RENDER_FAILED,
    /** The check command rejected the staged file; the destination (the last good file) is untouched. */
    CHECK_FAILED,
    /** The stage file could not be written or swapped in. */
    WRITE_FAILED,
    /** The destination was replaced but the reload command failed; it is retried. */
    RELOAD_FAILED;

    public boolean failed() {
        return switch (this) {
            case UNCHANGED, UPDATED, WOULD_UPDATE -> false;
            case RENDER_FAILED, CHECK_FAILED, WRITE_FAILED, RELOAD_FAILED -> true;
        };
    }
}
