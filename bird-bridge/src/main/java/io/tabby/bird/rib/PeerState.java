package io.tabby.bird.rib;

/** The RIB's per-peer state: identity, export policy, Adj-RIB-In, and Adj-RIB-Out while up. */
final class PeerState {
    PeerInfo info;
    ExportFilter exportFilter;
    final AdjRibIn in = new AdjRibIn();
    AdjRibOut out;

    PeerState(PeerInfo info, ExportFilter exportFilter) {
        this.info = info;
        this.exportFilter = exportFilter;
    }
}
