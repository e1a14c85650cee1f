package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.format.DefaultNames;
import io.tabby.datastore.resource.format.PeerAddress;
import java.util.Optional;

/**
 * Converts a calicoctl v1 {@code bgpPeer} ({@code metadata.scope|node|peerIP}, {@code spec.asNumber})
 * to a BGPPeer with Tabby's default name: {@code 10-0-0-5} for a global peer,
 * {@code <node>.10-0-0-5} for a node's peer.
 */
final class V1BgpPeerReader {
    private V1BgpPeerReader() {
    }

    static BgpPeerResource read(FieldReader document, ResourceProblems problems) {
        String scope = "";
        String node = "";
        String peerIp = "";
        Optional<FieldReader> metadata = document.object("metadata");
        if (metadata.isPresent()) {
            scope = metadata.get().text("scope");
            node = metadata.get().text("node");
            peerIp = metadata.get().text("peerIP");
            metadata.get().rejectUnknown();
        }
        checkScope(scope, node, problems);
        Optional<PeerAddress> address = PeerAddress.parse(peerIp).filter(a -> a.port() == 0);
        if (peerIp.isEmpty()) {
            problems.add("metadata.peerIP", "missing (the peer's IP address)");
        } else if (address.isEmpty()) {
            problems.add("metadata.peerIP", "\"" + peerIp + "\" is not an IP address (e.g. 10.0.0.5)");
        }
        String peerNode = scope.equals("node") ? node : "";
        String name = address.map(a -> DefaultNames.peer(peerNode, a)).orElse("");
        problems.describe("BGPPeer \"" + name + "\"");
        problems.translate("spec.peerIP", "metadata.peerIP");
        problems.translate("spec.node", "metadata.node");

        Optional<AsNumber> asNumber = Optional.empty();
        Optional<FieldReader> spec = document.object("spec");
        if (spec.isPresent()) {
            asNumber = spec.get().asNumber("asNumber");
            spec.get().rejectUnknown();
        }
        document.rejectUnknown();
        BgpPeerSpec peer = new BgpPeerSpec(peerNode, peerIp, asNumber, "", "", false, Optional.empty(), "",
                Optional.empty());
        return new BgpPeerResource(ResourceMetadata.named(name), peer);
    }

    private static void checkScope(String scope, String node, ResourceProblems problems) {
        switch (scope) {
            case "global" -> {
                if (!node.isEmpty()) {
                    problems.add("metadata.node", "must be empty when scope is global (or use scope: node)");
                }
            }
            case "node" -> {
                if (node.isEmpty()) {
                    problems.add("metadata.node", "missing (scope node needs the name of the node that peers)");
                }
            }
            case "" -> problems.add("metadata.scope", "missing (allowed: global, node)");
            default -> problems.add("metadata.scope", "\"" + scope + "\" is not a valid scope (allowed: global, node)");
        }
    }
}
