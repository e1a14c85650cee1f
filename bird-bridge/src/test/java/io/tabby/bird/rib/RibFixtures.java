package io.tabby.bird.rib;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.PathAttribute;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Update;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Peers, prefixes and attribute sets for the RIB tests. */
final class RibFixtures {
    static final long LOCAL_AS = 65000;
    static final int ROUTER_ID = ip("10.0.0.1");
    static final Bytes LOCAL_V6 = Bytes.fromHex("fd000000000000000000000000000001");
    static final SessionOptions SEND = new SessionOptions(true, Set.of(), false, false);
    static final Set<AfiSafi> BOTH = Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);

    private RibFixtures() {
    }

    static int ip(String dotted) {
        return Ipv4Prefix.parse(dotted + "/32").address();
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static PeerInfo ibgp(int id, String address, boolean client) {
        return new PeerInfo(id, address(address), LOCAL_AS, ip(address), true, client, false, ROUTER_ID, LOCAL_V6);
    }

    static PeerInfo ebgp(int id, String address, long asn) {
        return new PeerInfo(id, address(address), asn, ip(address), false, false, false, ROUTER_ID, LOCAL_V6);
    }

    static Ipv4Prefix prefix(String text) {
        return Ipv4Prefix.parse(text);
    }

    static AsPath path(Long... asns) {
        return asns.length == 0 ? AsPath.EMPTY : new AsPath(List.of(AsPathSegment.sequence(asns)));
    }

    /** ORIGIN IGP, the given AS_PATH and next hop, plus {@code more}. */
    static AttributeSet attrs(AsPath path, String nextHop, PathAttribute... more) {
        List<PathAttribute> all = new ArrayList<>(List.of(Origin.IGP, path, new NextHop(ip(nextHop))));
        all.addAll(List.of(more));
        return AttributeSet.of(all);
    }

    static Route route(Prefix prefix, PeerInfo source, AttributeSet attributes) {
        return new Route(prefix, 0, attributes, Bytes.EMPTY, source, 0, false);
    }

    static Update announce(AttributeSet attributes, Prefix... prefixes) {
        return Update.announce(attributes, PrefixList.of(AfiSafi.IPV4_UNICAST, List.of(prefixes)));
    }

    static Update withdraw(Prefix... prefixes) {
        return Update.withdraw(PrefixList.of(AfiSafi.IPV4_UNICAST, List.of(prefixes)));
    }
}
