package io.tabby.node.bgpstatus;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What one node publishes: its sessions, and when it published them.
 *
 * @param node the node name
 * @param time when this document was written
 * @param sessions in protocol name order
 */
public record NodeBgpStatus(String node, Instant time, List<BgpSession> sessions) {

    public NodeBgpStatus {
        BgpStatusKeys.checkNodeName(node);
        requireNonNull(time, "time is null");
        sessions = List.copyOf(sessions);
    }
}
