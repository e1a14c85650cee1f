package io.tabby.bird.daemon;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The daemon ITs' lab: namespace {@code <id>-t} for tabby-bird and {@code <id>-b} for a real BIRD,
 * joined by a veth ({@code <id>t} / {@code <id>b}) with one address on each end; IPv6 addresses are
 * added without duplicate address detection, so they are usable at once. {@link #closeAfter} stops
 * the test's processes, then deletes both namespaces, each step even when one before failed.
 */
final class VethLab {
    final String id = "bgpd-%04x".formatted(ThreadLocalRandom.current().nextInt(0x10000));
    final String tabbyNs = id + "-t";
    final String birdNs = id + "-b";
    private boolean created;

    /** Creates both namespaces and the veth; {@code tabbyAddress}, {@code birdAddress} as CIDRs. */
    static VethLab create(String tabbyAddress, String birdAddress) {
        VethLab lab = new VethLab();
        try {
            lab.build(tabbyAddress, birdAddress);
        } catch (RuntimeException e) {
            lab.deleteNamespaces();
            throw e;
        }
        return lab;
    }

    private void build(String tabbyAddress, String birdAddress) {
        created = true;
        Host.run("ip", "netns", "add", tabbyNs);
        Host.run("ip", "netns", "add", birdNs);
        Host.run("ip", "-n", tabbyNs, "link", "set", "lo", "up");
        Host.run("ip", "-n", birdNs, "link", "set", "lo", "up");
        Host.run("ip", "link", "add", tabbyDevice(), "netns", tabbyNs, "type", "veth", "peer", "name", id + "b",
                "netns", birdNs);
        address(tabbyNs, tabbyAddress, tabbyDevice());
        address(birdNs, birdAddress, id + "b");
        Host.run("ip", "-n", tabbyNs, "link", "set", tabbyDevice(), "up");
        Host.run("ip", "-n", birdNs, "link", "set", id + "b", "up");
    }

    private static void address(String ns, String cidr, String device) {
        if (cidr.contains(":")) {
            Host.run("ip", "-n", ns, "-6", "addr", "add", cidr, "dev", device, "nodad");
        } else {
            Host.run("ip", "-n", ns, "addr", "add", cidr, "dev", device);
        }
    }

    /** tabby-bird's end of the veth. */
    String tabbyDevice() {
        return id + "t";
    }

    /** Closes each non-null resource in order, then deletes the namespaces, whatever fails. */
    void closeAfter(AutoCloseable... resources) throws Exception {
        try {
            closeAll(resources, 0);
        } finally {
            deleteNamespaces();
        }
    }

    private static void closeAll(AutoCloseable[] resources, int from) throws Exception {
        if (from == resources.length) {
            return;
        }
        try {
            if (resources[from] != null) {
                resources[from].close();
            }
        } finally {
            closeAll(resources, from + 1);
        }
    }

    private void deleteNamespaces() {
        if (created) {
            Host.tryRun(List.of("ip", "netns", "del", tabbyNs));
            Host.tryRun(List.of("ip", "netns", "del", birdNs));
        }
    }
}
