package io.tabby.ipam.impl;

/**
 * Called between the datastore writes of one IPAM operation, naming the step just written.
 * Production uses {@link #NONE}; fault tests throw from it to abandon an operation at that
 * point exactly as a process killed there would, leaving what was written so far.
 */
@FunctionalInterface
public interface Checkpoint {

    /** Does nothing. */
    Checkpoint NONE = step -> { };

    void reached(String step);
}
