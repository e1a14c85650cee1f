package io.tabby.bird.rib;

import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.ClusterList;

/**
 * Loop prevention on input: an eBGP path that already crossed our AS (RFC 4271 §9.1.2), and a
 * reflected iBGP path that started at this router or passed through our cluster (RFC 4456 §8).
 * Such paths are treated as withdrawn.
 */
final class InputChecks {
    private InputChecks() {
    }

    static boolean looped(AttributeSet attributes, PeerInfo source, RibConfig config) {
        if (!source.internal()) {
            return PathFacts.asPathContains(attributes, config.localAs());
        }
        if (PathFacts.hasOriginator(attributes)
                && PathFacts.originatorOr(attributes, 0) == config.routerId()) {
            return true;
        }
        ClusterList clusters = PathFacts.clusterList(attributes);
        return clusters != null && clusters.clusterIds().contains(config.clusterId());
    }
}
