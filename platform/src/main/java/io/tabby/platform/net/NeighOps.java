package io.tabby.platform.net;

import java.util.List;

/** Permanent neighbour entries and VXLAN FDB entries on one device; writes are batched. */
public interface NeighOps {

    /** The permanent neighbour entries on {@code device}. */
    List<Neighbour> listPermanent(NetNs ns, String device);

    /** Adds or overwrites permanent entries ({@code nud permanent}). */
    void replacePermanent(NetNs ns, List<Neighbour> neighbours);

    void delete(NetNs ns, List<Neighbour> neighbours);

    /** The FDB entries of {@code device} that have a remote destination. */
    List<FdbEntry> listFdb(NetNs ns, String device);

    /** Adds or overwrites FDB entries ({@code self permanent}). */
    void replaceFdb(NetNs ns, List<FdbEntry> entries);

    void deleteFdb(NetNs ns, List<FdbEntry> entries);
}
