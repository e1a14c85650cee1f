package io.tabby.bench.cluster;

/**
 * The BGP daemon the origin node runs: Tabby's bird-bridge inside tabby-node (one process, labelled
 * by it), or BIRD 1.6 as the anchor, beside a tabby-node without BGP and tabby-confd. Both read
 * confd's bird.cfg.
 */
enum OriginDaemon {
    TABBY("tabby-node"),
    BIRD("bird 1.6");

    private final String label;

    OriginDaemon(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
