package io.tabby.bird.rib;

/**
 * The RIB's per-peer state: identity, export policy, its slot for sent adverts on each Loc-RIB
 * entry, how many paths it has in the Loc-RIB (its Adj-RIB-In is the view of those by source),
 * and its Adj-RIB-Out while up.
 */
final class PeerState {
    PeerInfo info;
    ExportFilter exportFilter;
    final int slot;
    int imported;
    AdjRibOut out;

    PeerState(PeerInfo info, ExportFilter exportFilter, int slot) {
        this.info = info;
        this.exportFilter = exportFilter;
        this.slot = slot;
    }
}
