package io.tabby.datastore.resource.validate;

import io.tabby.datastore.model.DerivedNames;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.format.DefaultNames;
import io.tabby.datastore.resource.format.PeerAddress;

/** BGPPeer rules: one way to pick nodes, one way to pick peers, and the AS that goes with it. */
final class BgpPeerRules {
    private BgpPeerRules() {
    }

    static void check(String name, BgpPeerSpec spec, Violations violations) {
        checkStoredName(name, spec, violations);
        if (!spec.node().isEmpty()) {
            if (!Names.isSubdomain(spec.node())) {
                violations.add("spec.node", SelectorCheck.quoted(spec.node()) + " is not a valid node name ("
                        + Names.NAME_RULE + ")");
            }
            if (!spec.nodeSelector().isEmpty()) {
                violations.add("spec.node", "must be empty when spec.nodeSelector is set "
                        + "(a peering is for one node, or for the selected nodes)");
            }
        }
        SelectorCheck.check("spec.nodeSelector", spec.nodeSelector(), violations);
        SelectorCheck.check("spec.peerSelector", spec.peerSelector(), violations);
        if (spec.peerSelector().isEmpty()) {
            checkPeer(spec, violations);
        } else {
            if (!spec.peerIP().isEmpty()) {
                violations.add("spec.peerIP", "must be empty when spec.peerSelector is set");
            }
            if (spec.asNumber().isPresent() && spec.asNumber().get().value() != 0) {
                violations.add("spec.asNumber", "must be empty when spec.peerSelector is set "
                        + "(the selected nodes' own AS numbers are used)");
            }
        }
        if (!spec.sourceAddress().isEmpty() && !spec.sourceAddress().equals(BgpPeerSpec.USE_NODE_IP)
                && !spec.sourceAddress().equals(BgpPeerSpec.NO_SOURCE_ADDRESS)) {
            violations.add("spec.sourceAddress", SelectorCheck.quoted(spec.sourceAddress())
                    + " is not allowed (allowed: UseNodeIP, None)");
        }
        spec.password().ifPresent(ref -> {
            if (ref.name().isEmpty()) {
                violations.add("spec.password.secretKeyRef.name", "missing (the secret that holds the password)");
            }
            if (ref.key().isEmpty()) {
                violations.add("spec.password.secretKeyRef.key", "missing (the key in the secret)");
            }
        });
    }

    /**
     * A peer's v1 JSON leaves out a name equal to the bare derived name of its address, and such
     * a key reads back under Tabby's default name, which for a node's peer (or another port)
     * has the node (or port) in it. So that bare name is kept for the global peer on port 179.
     */
    private static void checkStoredName(String name, BgpPeerSpec spec, Violations violations) {
        if (spec.keptWhole()) {
            return;
        }
        PeerAddress.parse(spec.peerIP()).ifPresent(peer -> {
            String bare = DerivedNames.of(IpAddr.parse(peer.ip().addressText()));
            String own = DefaultNames.peer(spec.node(), peer);
            if (name.equals(bare) && !own.equals(bare)) {
                violations.add("metadata.name", SelectorCheck.quoted(name) + " is the name Tabby gives the global peer "
                        + peer.ip().addressText() + " (name this one differently, e.g. " + own + ")");
            }
        });
    }

    private static void checkPeer(BgpPeerSpec spec, Violations violations) {
        if (spec.peerIP().isEmpty()) {
            violations.add("spec.peerIP", "missing (give the peer's address, or a peerSelector)");
        } else if (PeerAddress.parse(spec.peerIP()).isEmpty()) {
            violations.add("spec.peerIP", SelectorCheck.quoted(spec.peerIP())
                    + " is not an IP address or IP:port (e.g. 10.0.0.5, 10.0.0.5:1790, [fd00::5]:1790)");
        }
        if (spec.asNumber().isEmpty()) {
            violations.add("spec.asNumber", "missing (the peer's AS number, 1..4294967295)");
        } else {
            AsNumberRules.check("spec.asNumber", spec.asNumber(), violations);
        }
    }
}
