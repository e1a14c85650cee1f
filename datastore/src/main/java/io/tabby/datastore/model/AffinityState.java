package io.tabby.datastore.model;

/** The state of a block affinity in Calico v3's claim protocol (pending, then confirmed). */
public enum AffinityState {
    PENDING("pending"),
    CONFIRMED("confirmed"),
    PENDING_DELETION("pendingDeletion");

    private final String json;

    AffinityState(String json) {
        this.json = json;
    }

    /** The JSON spelling. */
    public String json() {
        return json;
    }

    /** The state spelled {@code text}, or {@code null}. */
    public static AffinityState fromJson(String text) {
        for (AffinityState state : values()) {
            if (state.json.equals(text)) {
                return state;
            }
        }
        return null;
    }
}
