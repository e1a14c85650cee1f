package io.tabby.platform.net;

import java.util.List;

/**
 * Applies several {@link NetChange}s to one namespace at once, in order, stopping at the first
 * one the kernel refuses ({@link BatchFailedException} names it; the changes before it stay made).
 * One process instead of one per change: what a CNI ADD needs to be quick.
 */
public interface NetBatchOps {

    void apply(NetNs ns, List<NetChange> changes);
}
