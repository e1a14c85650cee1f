package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.BgpPeerSpec.SecretKeyRef;
import java.time.Duration;
import java.util.Optional;

/** Reads a v3 BGPPeer {@code spec}. */
final class BgpPeerSpecReader {
    private BgpPeerSpecReader() {
    }

    static BgpPeerSpec read(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return new BgpPeerSpec("", "", Optional.empty(), "", "", false, Optional.empty(), "", Optional.empty());
        }
        FieldReader spec = found.get();
        String node = spec.text("node");
        String peerIp = spec.text("peerIP");
        Optional<AsNumber> asNumber = spec.asNumber("asNumber");
        String nodeSelector = spec.text("nodeSelector");
        String peerSelector = spec.text("peerSelector");
        boolean keepNextHop = spec.flag("keepOriginalNextHop");
        Optional<SecretKeyRef> password = spec.object("password").flatMap(BgpPeerSpecReader::readPassword);
        String sourceAddress = spec.text("sourceAddress");
        Optional<Duration> maxRestartTime = spec.duration("maxRestartTime");
        spec.rejectUnknown();
        // The v3 API writes "asNumber: 0" for selector peers: that means none.
        asNumber = asNumber.filter(as -> as.value() != 0 || peerSelector.isEmpty());
        return new BgpPeerSpec(node, peerIp, asNumber, nodeSelector, peerSelector, keepNextHop, password,
                sourceAddress, maxRestartTime);
    }

    private static Optional<SecretKeyRef> readPassword(FieldReader password) {
        Optional<SecretKeyRef> ref = password.object("secretKeyRef").map(r -> {
            SecretKeyRef secret = new SecretKeyRef(r.text("name"), r.text("key"));
            r.raw("optional");
            r.rejectUnknown();
            return secret;
        });
        if (ref.isEmpty()) {
            password.violations().add(password.path("secretKeyRef"), "missing (name and key of the secret that holds the password)");
        }
        password.rejectUnknown();
        return ref;
    }
}
