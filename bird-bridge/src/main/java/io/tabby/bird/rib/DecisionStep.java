package io.tabby.bird.rib;

/**
 * The steps of the decision process in the order they are applied (RFC 4271 §9.1.2.2, RFC 4456 §9,
 * RFC 5004, RFC 7911), each named by what made the winner win.
 */
public enum DecisionStep {
    /** Only one path to the prefix. */
    ONLY_PATH("only path"),
    LOCAL_PREF("highest LOCAL_PREF"),
    AS_PATH_LENGTH("shortest AS_PATH"),
    ORIGIN("lowest ORIGIN"),
    MED("lowest MED"),
    EXTERNAL_OVER_INTERNAL("eBGP over iBGP"),
    IGP_METRIC("lowest IGP metric"),
    OLDEST_EXTERNAL("oldest eBGP path"),
    ROUTER_ID("lowest router id"),
    CLUSTER_LIST_LENGTH("shortest CLUSTER_LIST"),
    PEER_ADDRESS("lowest peer address"),
    PATH_ID("lowest path id");

    private final String description;

    DecisionStep(String description) {
        this.description = description;
    }

    /** A short phrase for {@code show route all}. */
    public String description() {
        return description;
    }
}
