package io.tabby.bench.bgp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair: {@code bgpb-TAG-d} holds the device under test at
 * 192.0.2.1/24, {@code bgpb-TAG-p} holds the feeder (192.0.2.2) and the receiver (192.0.2.3).
 * {@link #close} deletes both namespaces (and with them the veth), also after a failed run.
 * The environment variable {@code BGP_BENCH_NS} replaces the {@code bgpb} prefix (2-4 lowercase
 * letters) so that two people can run the benchmark on one machine at once.
 */
final class NamespacePair implements AutoCloseable {
    static final String DUT_ADDRESS = "192.0.2.1";
    static final String FEEDER_ADDRESS = "192.0.2.2";
    static final String RECEIVER_ADDRESS = "192.0.2.3";

    private final String dut;
    private final String peers;

    private NamespacePair(String prefix, String tag) {
        this.dut = prefix + "-" + tag + "-d";
        this.peers = prefix + "-" + tag + "-p";
    }

    /** Creates the pair; {@code tag} is at most 6 characters so veth names stay under 16. */
    static NamespacePair create(String tag) {
        if (!tag.matches("[a-z0-9]{1,6}")) {
            throw new IllegalArgumentException("namespace tag '" + tag + "' must be 1-6 lowercase letters or digits");
        }
        NamespacePair pair = new NamespacePair(prefix(), tag);
        pair.close();
        try {
            ip("netns", "add", pair.dut);
            ip("netns", "add", pair.peers);
            ip("link", "add", pair.dut, "type", "veth", "peer", "name", pair.peers);
            ip("link", "set", pair.dut, "netns", pair.dut);
            ip("link", "set", pair.peers, "netns", pair.peers);
            ip("-n", pair.dut, "addr", "add", DUT_ADDRESS + "/24", "dev", pair.dut);
            ip("-n", pair.peers, "addr", "add", FEEDER_ADDRESS + "/24", "dev", pair.peers);
            ip("-n", pair.peers, "addr", "add", RECEIVER_ADDRESS + "/24", "dev", pair.peers);
            for (String ns : List.of(pair.dut, pair.peers)) {
                ip("-n", ns, "link", "set", "lo", "up");
                ip("-n", ns, "link", "set", ns, "up");
            }
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    /** The namespace prefix: {@code BGP_BENCH_NS} when set, else {@code bgpb}. */
    static String prefix() {
        String prefix = System.getenv().getOrDefault("BGP_BENCH_NS", "bgpb");
        if (!prefix.matches("[a-z]{2,4}")) {
            throw new IllegalArgumentException("BGP_BENCH_NS '" + prefix + "' must be 2-4 lowercase letters");
        }
        return prefix;
    }

    String dut() {
        return dut;
    }

    String peers() {
        return peers;
    }

    @Override
    public void close() {
        for (String ns : List.of(dut, peers)) {
            if (exists(ns)) {
                ip("netns", "del", ns);
            }
        }
    }

    private static boolean exists(String ns) {
        return new java.io.File("/var/run/netns/" + ns).exists();
    }

    static void ip(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": is iproute2 installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
