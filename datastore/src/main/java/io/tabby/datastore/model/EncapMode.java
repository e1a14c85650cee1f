package io.tabby.datastore.model;

/**
 * The encapsulation mode of a pool as the v1 pool JSON spells it ({@code ipip_mode},
 * {@code vxlan_mode}). {@link #UNSET} is the empty string Calico writes when the mode was not
 * given; for IPIP it means "always" whenever the pool's {@code ipip} interface is set.
 */
public enum EncapMode {
    UNSET(""),
    ALWAYS("always"),
    CROSS_SUBNET("cross-subnet");

    private final String json;

    EncapMode(String json) {
        this.json = json;
    }

    /** The JSON spelling. */
    public String json() {
        return json;
    }

    /** The mode spelled {@code text}, or {@code null} when there is none. */
    public static EncapMode fromJson(String text) {
        for (EncapMode mode : values()) {
            if (mode.json.equals(text)) {
                return mode;
            }
        }
        return null;
    }
}
