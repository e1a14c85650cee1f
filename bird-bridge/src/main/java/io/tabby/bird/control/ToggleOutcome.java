package io.tabby.bird.control;

/** What {@code enable}, {@code disable} or {@code restart} did to one protocol. */
public enum ToggleOutcome {
    /** The protocol changed state (restarted). */
    DONE,
    /** It was already in the asked-for state: already enabled, or already disabled (also for restart). */
    ALREADY
}
