package io.tabby.datastore.path;

/** The two Felix liveness reports under {@code /calico/felix/v1/host/<node>/}. */
public enum FelixStatusKind {
    /** {@code status}: written with a TTL, so it vanishes when Felix stops reporting. */
    STATUS("status"),
    /** {@code last_reported_status}: the same document without a TTL. */
    LAST_REPORTED_STATUS("last_reported_status");

    private final String segment;

    FelixStatusKind(String segment) {
        this.segment = segment;
    }

    /** The key segment. */
    public String segment() {
        return segment;
    }

    /** The kind whose segment is {@code segment}, or null. */
    public static FelixStatusKind fromSegment(String segment) {
        for (FelixStatusKind k : values()) {
            if (k.segment.equals(segment)) {
                return k;
            }
        }
        return null;
    }
}
