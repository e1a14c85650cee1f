package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.Prefixes;
import io.tabby.bird.wire.Prefix;
import io.tabby.platform.net.IpPrefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Offers the direct protocol's routes and the kernel routes learned with {@code learn} to the BGP
 * speaker, as BIRD's master table offers every route to every protocol: the BGP export filters
 * decide (Calico's {@code calico_export_to_bgp_peers} lets a workload route in a borrowed block
 * through and keeps the rest). The static protocols' routes are the speaker's own business.
 *
 * <p>{@link #update} runs on the kernel thread; {@link #owner} is read by the export filters on the
 * RIB thread, so that a filter sees {@code proto = "direct1"} or {@code "kernel1"}.
 */
final class LocalOrigination {

    private final Supplier<Optional<BgpSpeaker>> speaker;
    private final Map<NetPrefix, String> owners = new ConcurrentHashMap<>();
    /** Kernel thread: what the speaker originates for us, by network, with the owning protocol. */
    private final Map<IpPrefix, String> originated = new HashMap<>();

    LocalOrigination(Supplier<Optional<BgpSpeaker>> speaker) {
        this.speaker = requireNonNull(speaker, "speaker is null");
    }

    /** The protocol whose route the speaker originates for {@code net}, if it is one of ours. */
    Optional<String> owner(NetPrefix net) {
        return Optional.ofNullable(owners.get(net));
    }

    /** Brings the speaker's originations in line with {@code direct} and {@code learned}, minus static networks. */
    void update(Collection<Candidate> direct, Collection<Candidate> learned, Set<IpPrefix> statics) {
        Optional<BgpSpeaker> bgp = speaker.get();
        if (bgp.isEmpty()) {
            return; // not started yet: the next update catches up
        }
        Map<IpPrefix, String> wanted = new LinkedHashMap<>();
        for (Collection<Candidate> routes : List.of(direct, learned)) {
            for (Candidate c : routes) {
                if (!statics.contains(c.route().destination())) {
                    wanted.putIfAbsent(c.route().destination(), c.protocol());
                }
            }
        }
        List<Prefix> withdraw = new ArrayList<>();
        originated.keySet().stream().filter(p -> !wanted.containsKey(p)).forEach(p -> withdraw.add(wire(p)));
        List<Prefix> announce = new ArrayList<>();
        wanted.forEach((prefix, protocol) -> {
            if (!protocol.equals(originated.get(prefix))) {
                owners.put(net(prefix), protocol);
                announce.add(wire(prefix));
            }
        });
        if (!withdraw.isEmpty()) {
            bgp.get().withdrawOriginated(withdraw);
        }
        if (!announce.isEmpty()) {
            bgp.get().originate(announce);
        }
        originated.keySet().removeIf(p -> !wanted.containsKey(p));
        originated.putAll(wanted);
        owners.keySet().removeIf(net -> !wanted.containsKey(new IpPrefix(net.address(), net.length())));
    }

    private static NetPrefix net(IpPrefix prefix) {
        return new NetPrefix(prefix.address(), prefix.length());
    }

    private static Prefix wire(IpPrefix prefix) {
        return Prefixes.of(net(prefix));
    }
}
