package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code label} request: set {@code key=value} (replacing an existing value only with
 * {@code --overwrite}, or when it is the same) or remove {@code key}; applied to a label map with
 * calicoctl's errors and outcome words.
 *
 * @param key the label key
 * @param value the new value; null when removing
 * @param overwrite whether an existing different value may be replaced
 */
record LabelChange(String key, String value, boolean overwrite) {

    /** What the change did, for calicoctl's "Successfully set/updated/removed label" line. */
    enum Outcome { SET, UPDATED, REMOVED }

    LabelChange {
        requireNonNull(key, "key is null");
    }

    /** Parses {@code key=value}, or with {@code remove} just {@code key}. */
    static LabelChange parse(String argument, boolean remove, boolean overwrite) {
        if (remove) {
            return new LabelChange(argument, null, false);
        }
        String[] parts = argument.split("=", -1);
        if (parts.length != 2) {
            throw new CtlException("invalid label " + argument + " (expected key=value, or key with --remove)");
        }
        return new LabelChange(parts[0], parts[1], overwrite);
    }

    boolean removes() {
        return value == null;
    }

    /**
     * The labels after the change.
     *
     * @param what how the resource is named in errors, e.g. {@code nodes node1}
     */
    Map<String, String> applyTo(Map<String, String> labels, String what) {
        Map<String, String> changed = new TreeMap<>(labels);
        if (removes()) {
            if (!changed.containsKey(key)) {
                throw new CtlException("cannot remove label of " + what + ", key " + key + " does not exist");
            }
            changed.remove(key);
            return changed;
        }
        String old = changed.get(key);
        if (old != null && !overwrite && !old.equals(value)) {
            throw new CtlException("failed to update label of " + what + ", key " + key
                    + " is already present. please use '--overwrite' to set a new value.");
        }
        changed.put(key, value);
        return changed;
    }

    Outcome outcome(Map<String, String> before) {
        return removes() ? Outcome.REMOVED : before.containsKey(key) ? Outcome.UPDATED : Outcome.SET;
    }

    /** calicoctl's success line. */
    String report(Outcome outcome, String what) {
        return switch (outcome) {
            case REMOVED -> "Successfully removed label " + key + " from " + what;
            case UPDATED -> "Successfully updated label " + key + " on " + what;
            case SET -> "Successfully set label " + key + " on " + what;
        };
    }
}
