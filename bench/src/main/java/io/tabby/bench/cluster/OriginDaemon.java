package io.tabby.bench.cluster;

/** The BGP daemon the origin node runs: Tabby's, or BIRD 1.6 as the anchor. Both read confd's bird.cfg. */
enum OriginDaemon {
    TABBY("tabby-bird"),
    BIRD("bird 1.6");

    private final String label;

    OriginDaemon(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
