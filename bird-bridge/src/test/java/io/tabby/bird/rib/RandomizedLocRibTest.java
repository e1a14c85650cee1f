package io.tabby.bird.rib;

import static io.tabby.bird.rib.RibFixtures.BOTH;
import static io.tabby.bird.rib.RibFixtures.LOCAL_AS;
import static io.tabby.bird.rib.RibFixtures.ROUTER_ID;
import static io.tabby.bird.rib.RibFixtures.SEND;
import static io.tabby.bird.rib.RibFixtures.announce;
import static io.tabby.bird.rib.RibFixtures.ebgp;
import static io.tabby.bird.rib.RibFixtures.ibgp;
import static io.tabby.bird.rib.RibFixtures.ip;
import static io.tabby.bird.rib.RibFixtures.prefix;
import static io.tabby.bird.rib.RibFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.PathAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After any bounded random sequence of announcements, withdrawals and session drops, the Loc-RIB's
 * best paths equal a brute-force recomputation from the surviving announcements, written here
 * independently of the RIB's rules, and an eBGP observer has been sent exactly the prefixes with a
 * best path.
 */
class RandomizedLocRibTest {
    private static final List<PeerInfo> SOURCES = List.of(
            ebgp(1, "192.0.2.1", 65001), ebgp(2, "192.0.2.2", 65002),
            ibgp(3, "10.0.0.3", false), ibgp(4, "10.0.0.4", false), ibgp(5, "10.0.0.5", true));
    private static final PeerInfo OBSERVER = ebgp(9, "198.51.100.9", 65009);
    private static final List<Ipv4Prefix> PREFIXES = List.of(prefix("10.0.0.0/26"), prefix("10.0.0.64/26"),
            prefix("10.0.1.0/24"), prefix("10.0.2.0/32"), prefix("0.0.0.0/0"));
    private static final int SEEDS = 25;
    private static final int STEPS = 300;

    /** One surviving announcement as the brute force sees it. */
    private record Candidate(PeerInfo peer, long localPref, int pathLength, int origin, long med, long neighbourAs,
                             int routerId, byte[] address) {
    }

    @Test
    void locRibMatchesABruteForceRecomputation() {
        for (int seed = 0; seed < SEEDS; seed++) {
            run(new Random(seed));
        }
    }

    private void run(Random random) {
        Rib rib = new Rib(RibConfig.of(LOCAL_AS, ROUTER_ID), new AttributeInterner());
        for (PeerInfo peer : SOURCES) {
            rib.addPeer(peer, ExportFilter.ALL);
            rib.peerUp(peer, SEND, BOTH);
        }
        rib.addPeer(OBSERVER, ExportFilter.ALL);
        rib.peerUp(OBSERVER, SEND, BOTH);
        Map<Integer, Map<Ipv4Prefix, AttributeSet>> announced = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            PeerInfo peer = SOURCES.get(random.nextInt(SOURCES.size()));
            Ipv4Prefix prefix = PREFIXES.get(random.nextInt(PREFIXES.size()));
            Map<Ipv4Prefix, AttributeSet> ofPeer = announced.computeIfAbsent(peer.id(), id -> new HashMap<>());
            int op = random.nextInt(20);
            if (op < 12) {
                AttributeSet attributes = randomAttributes(random, peer);
                rib.receive(peer.id(), announce(attributes, prefix));
                ofPeer.put(prefix, attributes);
            } else if (op < 19) {
                rib.receive(peer.id(), withdraw(prefix));
                ofPeer.remove(prefix);
            } else {
                rib.peerDown(peer.id(), Set.of());
                rib.peerUp(peer, SEND, BOTH);
                ofPeer.clear();
            }
            if (random.nextInt(4) == 0) {
                rib.drain(OBSERVER.id());
                check(rib, announced);
            }
        }
        rib.drain(OBSERVER.id());
        check(rib, announced);
    }

    private void check(Rib rib, Map<Integer, Map<Ipv4Prefix, AttributeSet>> announced) {
        for (Ipv4Prefix prefix : PREFIXES) {
            List<Candidate> candidates = new ArrayList<>();
            for (PeerInfo peer : SOURCES) {
                AttributeSet attributes = announced.getOrDefault(peer.id(), Map.of()).get(prefix);
                if (attributes != null) {
                    candidates.add(candidate(peer, attributes));
                }
            }
            PeerInfo expected = bruteForceBest(candidates);
            if (expected == null) {
                assertThat(rib.bestPath(prefix)).as("%s", prefix).isEmpty();
            } else {
                assertThat(rib.bestPath(prefix).orElseThrow().best().source()).as("%s", prefix).isEqualTo(expected);
            }
            assertThat(rib.paths(prefix)).hasSize(candidates.size());
            assertThat(rib.advertised(OBSERVER.id(), prefix).isPresent()).as("%s sent", prefix)
                    .isEqualTo(expected != null);
        }
    }

    private static AttributeSet randomAttributes(Random random, PeerInfo peer) {
        List<PathAttribute> all = new ArrayList<>();
        all.add(List.of(Origin.IGP, Origin.EGP, Origin.INCOMPLETE).get(random.nextInt(3)));
        List<Long> asns = new ArrayList<>();
        if (!peer.internal()) {
            asns.add(peer.asn());
        } else if (random.nextBoolean()) {
            asns.add(65001L + random.nextInt(2));
        }
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            asns.add(64600L + random.nextInt(5));
        }
        all.add(asns.isEmpty() ? AsPath.EMPTY : new AsPath(List.of(new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, asns))));
        all.add(new NextHop(ip("10.9.0.1")));
        if (peer.internal() && random.nextBoolean()) {
            all.add(new LocalPref(random.nextBoolean() ? 100 : 200));
        }
        if (random.nextBoolean()) {
            all.add(new MultiExitDisc(random.nextInt(3)));
        }
        return AttributeSet.of(all);
    }

    private static Candidate candidate(PeerInfo peer, AttributeSet attributes) {
        long localPref = attributes.get(LocalPref.class).map(LocalPref::value).orElse(100L);
        AsPath path = attributes.get(AsPath.class).orElseThrow();
        int origin = attributes.get(Origin.class).orElseThrow().kind().ordinal();
        long med = attributes.get(MultiExitDisc.class).map(MultiExitDisc::value).orElse(0L);
        long neighbourAs = path.segments().isEmpty() ? 0 : path.segments().getFirst().asns().getFirst();
        return new Candidate(peer, localPref, path.pathLength(), origin, med, neighbourAs, peer.routerId(),
                peer.address().getAddress());
    }

    /** RFC 4271 §9.1.2.2 written out plainly, for the paths these tests generate. */
    private static PeerInfo bruteForceBest(List<Candidate> all) {
        if (all.isEmpty()) {
            return null;
        }
        List<Candidate> left = new ArrayList<>(all);
        long maxPref = left.stream().mapToLong(Candidate::localPref).max().orElseThrow();
        left.removeIf(c -> c.localPref() != maxPref);
        int minLength = left.stream().mapToInt(Candidate::pathLength).min().orElseThrow();
        left.removeIf(c -> c.pathLength() != minLength);
        int minOrigin = left.stream().mapToInt(Candidate::origin).min().orElseThrow();
        left.removeIf(c -> c.origin() != minOrigin);
        List<Candidate> beforeMed = List.copyOf(left);
        left.removeIf(c -> beforeMed.stream().anyMatch(o -> o.neighbourAs() == c.neighbourAs() && o.med() < c.med()));
        if (left.stream().anyMatch(c -> !c.peer().internal())) {
            left.removeIf(c -> c.peer().internal());
        }
        left.sort((a, b) -> {
            int byId = Integer.compareUnsigned(a.routerId(), b.routerId());
            return byId != 0 ? byId : Arrays.compareUnsigned(a.address(), b.address());
        });
        return left.getFirst().peer();
    }
}
