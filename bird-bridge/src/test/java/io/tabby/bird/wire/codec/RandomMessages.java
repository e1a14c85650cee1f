package io.tabby.bird.wire.codec;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.Aggregator;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AtomicAggregate;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.Communities;
import io.tabby.bird.wire.attr.LargeCommunities;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MpUnreachNlri;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import io.tabby.bird.wire.attr.PathAttribute;
import io.tabby.bird.wire.attr.UnknownAttribute;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.RouteRefresh;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded generator of valid messages for a session's options: everything it makes must survive
 * encode then decode unchanged. Sizes stay small enough for a 4096-octet message.
 */
final class RandomMessages {
    private final Random random;
    private final SessionOptions options;

    RandomMessages(long seed, SessionOptions options) {
        this.random = new Random(seed);
        this.options = options;
    }

    BgpMessage next() {
        return switch (random.nextInt(10)) {
            case 0 -> open();
            case 1 -> Keepalive.INSTANCE;
            case 2 -> new Notification(random.nextInt(7), random.nextInt(12), bytes(random.nextInt(20)));
            case 3 -> new RouteRefresh(1 + random.nextInt(2), random.nextInt(3), 1);
            default -> update();
        };
    }

    Open open() {
        List<Capability> capabilities = new ArrayList<>();
        if (random.nextBoolean()) {
            capabilities.add(Capability.MultiProtocol.of(AfiSafi.IPV4_UNICAST));
            capabilities.add(Capability.MultiProtocol.of(AfiSafi.IPV6_UNICAST));
        }
        if (random.nextBoolean()) {
            capabilities.add(new Capability.RouteRefreshSupport());
        }
        if (random.nextBoolean()) {
            capabilities.add(new Capability.ExtendedMessage());
        }
        long asn = 1 + (random.nextBoolean() ? random.nextInt(65534) : (random.nextLong() & 0xffffffffL) % 0xfffffffeL);
        capabilities.add(new Capability.FourOctetAs(asn));
        if (random.nextBoolean()) {
            capabilities.add(new Capability.GracefulRestart(random.nextInt(16), random.nextInt(4096), List.of(
                    new Capability.GracefulRestart.Family(1, 1, random.nextBoolean() ? 0x80 : 0),
                    new Capability.GracefulRestart.Family(2, 1, 0))));
        }
        if (random.nextBoolean()) {
            capabilities.add(new Capability.AddPath(List.of(new Capability.AddPath.Family(1, 1, 1 + random.nextInt(3)))));
        }
        if (random.nextBoolean()) {
            capabilities.add(new Capability.Unknown(70 + random.nextInt(50), bytes(random.nextInt(6))));
        }
        int hold = random.nextBoolean() ? 0 : 3 + random.nextInt(65533);
        return Open.of(asn, hold, 1 + random.nextInt(Integer.MAX_VALUE - 1), capabilities);
    }

    Update update() {
        return switch (random.nextInt(6)) {
            case 0 -> Update.withdraw(prefixes(random.nextBoolean() ? AfiSafi.IPV4_UNICAST : AfiSafi.IPV6_UNICAST));
            case 1 -> Update.endOfRib(random.nextBoolean() ? AfiSafi.IPV4_UNICAST : AfiSafi.IPV6_UNICAST);
            case 2 -> Update.announce(attributes(false), new MpReachNlri(
                    bytes(random.nextBoolean() ? 16 : 32), prefixes(AfiSafi.IPV6_UNICAST)));
            case 3 -> new Update(prefixes(AfiSafi.IPV4_UNICAST), attributes(true), nonEmpty(AfiSafi.IPV4_UNICAST),
                    Optional.of(new MpReachNlri(bytes(16), nonEmpty(AfiSafi.IPV6_UNICAST))),
                    Optional.of(new MpUnreachNlri(prefixes(AfiSafi.IPV6_UNICAST))));
            default -> Update.announce(attributes(true), nonEmpty(AfiSafi.IPV4_UNICAST));
        };
    }

    AttributeSet attributes(boolean ipv4) {
        List<PathAttribute> attributes = new ArrayList<>();
        attributes.add(new Origin(Origin.Kind.values()[random.nextInt(3)]));
        attributes.add(asPath());
        if (ipv4) {
            attributes.add(new NextHop(random.nextInt()));
        }
        if (random.nextBoolean()) {
            attributes.add(new MultiExitDisc(random.nextLong() & 0xffffffffL));
        }
        if (!options.external() && random.nextBoolean()) {
            attributes.add(new LocalPref(random.nextLong() & 0xffffffffL));
        }
        if (random.nextInt(4) == 0) {
            attributes.add(AtomicAggregate.INSTANCE);
        }
        if (random.nextInt(4) == 0) {
            attributes.add(new Aggregator(asn(), random.nextInt()));
        }
        if (random.nextBoolean()) {
            attributes.add(new Communities(random.ints(1 + random.nextInt(5)).boxed().toList()));
        }
        if (random.nextInt(3) == 0) {
            attributes.add(new LargeCommunities(List.of(new LargeCommunities.Value(asn(), asn(), asn()))));
        }
        if (!options.external() && random.nextInt(3) == 0) {
            attributes.add(new OriginatorId(random.nextInt()));
            attributes.add(new ClusterList(random.ints(1 + random.nextInt(3)).boxed().toList()));
        }
        if (random.nextInt(4) == 0) {
            int flags = 0x80 | (random.nextBoolean() ? 0x40 : 0) | (random.nextBoolean() ? 0x20 : 0);
            attributes.add(new UnknownAttribute(flags, 100 + random.nextInt(100), bytes(random.nextInt(300))));
        }
        return AttributeSet.of(attributes);
    }

    private AsPath asPath() {
        List<AsPathSegment> segments = new ArrayList<>();
        for (int s = random.nextInt(3); s > 0; s--) {
            List<Long> asns = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                asns.add(asn());
            }
            segments.add(new AsPathSegment(random.nextInt(4) == 0 ? AsPathSegment.Type.AS_SET : AsPathSegment.Type.AS_SEQUENCE, asns));
        }
        return new AsPath(segments);
    }

    private long asn() {
        return random.nextBoolean() ? 1 + random.nextInt(65000) : 65536 + (random.nextLong() & 0x7fffffffL);
    }

    private PrefixList nonEmpty(AfiSafi family) {
        PrefixList list = prefixes(family);
        return list.isEmpty() ? nonEmpty(family) : list;
    }

    PrefixList prefixes(AfiSafi family) {
        PrefixList.Builder builder = PrefixList.builder(family, options.addPath(family));
        for (int i = random.nextInt(40); i > 0; i--) {
            int pathId = options.addPath(family) ? random.nextInt() : 0;
            if (family.equals(AfiSafi.IPV4_UNICAST)) {
                builder.addIpv4(random.nextInt(), random.nextInt(33), pathId);
            } else {
                builder.addIpv6(random.nextLong(), random.nextLong(), random.nextInt(129), pathId);
            }
        }
        return builder.build();
    }

    private Bytes bytes(int length) {
        byte[] value = new byte[length];
        random.nextBytes(value);
        return Bytes.of(value);
    }
}
