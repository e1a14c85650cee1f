package io.tabby.ipam;

/** A compare-and-swap loop lost to other writers too many times in a row. */
public final class RetriesExhaustedException extends IpamException {
    private final String key;
    private final int attempts;

    public RetriesExhaustedException(String key, int attempts, Throwable lastConflict) {
        super("gave up writing " + key + " after " + attempts + " attempts, each lost to a concurrent writer;"
                + " retry the request (the datastore is heavily contended)", lastConflict);
        this.key = key;
        this.attempts = attempts;
    }

    /** The key whose writes kept conflicting. */
    public String key() {
        return key;
    }

    public int attempts() {
        return attempts;
    }
}
