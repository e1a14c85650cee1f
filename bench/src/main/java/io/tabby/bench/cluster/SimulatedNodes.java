package io.tabby.bench.cluster;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.bird.speaker.PolicyHook;
import io.tabby.bird.speaker.SpeakerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated nodes of one scenario: one Tabby BGP speaker per node in this JVM (namespace
 * {@code cb-sim}), each on one event loop thread and its own RIB thread, with one iBGP session to
 * the origin that only it opens (the origin's mesh side is passive), importing everything and
 * exporting nothing. Each speaker's RIB reports to the scenario's {@link ArrivalTracker}.
 */
final class SimulatedNodes implements AutoCloseable {
    private final String originAddress;
    private final ArrivalTracker tracker;
    private final List<BgpSpeaker> speakers = new ArrayList<>();

    SimulatedNodes(String originAddress, ArrivalTracker tracker) {
        this.originAddress = originAddress;
        this.tracker = tracker;
    }

    /** Starts simulated node {@code i} (1-based; its address is on cb-sim's eth0). */
    void start(int i) throws BirdConfigException {
        String text = config(i, originAddress);
        BirdConfig config = new BirdConfigParser(file -> text, RouterFamily.IPV4).parse(Path.of("sim-" + i + ".cfg"));
        SpeakerOptions options = new SpeakerOptions(new DefaultThreadFactory("sim" + i, true), 1, Optional.empty(),
                false, Clock.systemUTC(), PolicyHook.DEFAULT, tracker.listener(), false);
        speakers.add(BgpSpeaker.start(config, options));
    }

    int count() {
        return speakers.size();
    }

    /** Waits until every speaker's session is Established; returns the ones that are not, at most 10. */
    List<String> awaitEstablished(long deadlineNanos) throws InterruptedException {
        List<String> down = notEstablished();
        while (!down.isEmpty() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(50);
            down = notEstablished();
        }
        return down;
    }

    private List<String> notEstablished() {
        List<String> down = new ArrayList<>();
        for (int i = 0; i < speakers.size() && down.size() < 10; i++) {
            for (PeerStatus peer : speakers.get(i).peers()) {
                if (!peer.established()) {
                    down.add(ClusterPlan.simulatedAddress(i + 1) + " " + peer.state()
                            + peer.lastError().map(e -> " (" + e + ")").orElse(""));
                }
            }
        }
        return down;
    }

    /** Simulated node {@code i}'s bird.cfg: one session to the origin, as a mesh peer of it. */
    static String config(int i, String originAddress) {
        String self = ClusterPlan.simulatedAddress(i);
        return "router id " + self + ";\n"
                + "protocol bgp Mesh_" + originAddress.replace('.', '_') + " {\n"
                + "  local " + self + " as 64512;\n"
                + "  neighbor " + originAddress + " as 64512;\n"
                + "  source address " + self + ";\n"
                + "  import all;\n  export none;\n"
                + "  connect delay time 1;\n  connect retry time 2;\n"
                + "}\n";
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (BgpSpeaker speaker : speakers) {
            closing.add(CompletableFuture.runAsync(speaker::close));
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        speakers.clear();
    }
}
