package io.tabby.bench.cni;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pod namespaces made with {@code ip netns add} (as a runtime pins one under /var/run/netns),
 * every one prefixed {@value #PREFIX} and deleted by {@link #close()} whatever happened.
 */
final class PodNamespaces implements AutoCloseable {
    static final String PREFIX = "bnch-";
    private final Set<String> live = new LinkedHashSet<>();

    /** Creates {@code bnch-<suffix>} and returns its path for CNI_NETNS. */
    String create(String suffix) throws IOException, InterruptedException {
        String name = PREFIX + suffix;
        ip("netns", "add", name);
        live.add(name);
        return "/var/run/netns/" + name;
    }

    void delete(String path) throws IOException, InterruptedException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        ip("netns", "del", name);
        live.remove(name);
    }

    @Override
    public void close() {
        List<String> left = new ArrayList<>(live);
        for (String name : left) {
            try {
                ip("netns", "del", name);
                live.remove(name);
            } catch (IOException | InterruptedException e) {
                System.err.println("bench: could not delete namespace " + name + ": " + e.getMessage()
                        + "; remove it with: ip netns del " + name);
            }
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
    }
}
