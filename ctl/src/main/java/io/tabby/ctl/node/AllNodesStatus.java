package io.tabby.ctl.node;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code tabbyctl node status --all}: for every node, a {@code Node <name>} line, then the IPv4 and
 * IPv6 sections exactly as {@code calicoctl node status} prints them for one host, or the reason the
 * node has no status.
 */
final class AllNodesStatus {

    private final PublishedStatusReader reader;

    AllNodesStatus(PublishedStatusReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    void print(Backend backend, PrintWriter out) {
        List<PublishedStatusReader.NodeStatus> nodes = reader.read(backend);
        if (nodes.isEmpty()) {
            out.print("No nodes found and no BGP status published.\n");
        }
        for (PublishedStatusReader.NodeStatus node : nodes) {
            out.print("Node " + node.node() + "\n");
            if (node.problem().isPresent()) {
                out.print(node.problem().get() + "\n");
            } else {
                section(out, "4", node.v4());
                section(out, "6", node.v6());
            }
            out.print("\n");
        }
        out.flush();
    }

    private static void section(PrintWriter out, String family, List<BgpPeerStatus> peers) {
        out.print("IPv" + family + " BGP status\n");
        out.print(peers.isEmpty() ? "No IPv" + family + " peers found.\n" : PeerTable.render(peers));
    }
}
