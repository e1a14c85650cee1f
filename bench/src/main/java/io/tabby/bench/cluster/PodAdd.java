package io.tabby.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One pod ADD on the origin through the real CNI plugin ({@code build/bin/tabby}), run in the
 * origin's namespace exactly as a container runtime calls it (demo/lib/cluster.sh's
 * {@code tdemo_add_pod}): the CNI environment and the network configuration on stdin. The
 * configuration names the pod's own pool ({@code ipam.ipv4_pools}), so the ADD claims a new block.
 */
final class PodAdd {
    private static final long TIMEOUT_SECONDS = 30;

    private PodAdd() {
    }

    static String networkConfig(String pool) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"cb\",\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\","
                + "\"ipv4_pools\":[\"" + pool + "\"]}}";
    }

    /** Runs the ADD of {@code pod} (a namespace under /var/run/netns); fails with the plugin's answer. */
    static void run(Path top, OriginNode origin, String pod, String pool) throws IOException, InterruptedException {
        Path bin = top.resolve("build/bin");
        List<String> argv = List.of("ip", "netns", "exec", origin.namespace(), "env", "CNI_COMMAND=ADD",
                "CNI_CONTAINERID=" + pod, "CNI_NETNS=/var/run/netns/" + pod, "CNI_IFNAME=eth0", "CNI_PATH=" + bin,
                "CNI_ARGS=IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=" + pod
                        + ";K8S_POD_INFRA_CONTAINER_ID=" + pod,
                "TABBY_CNI_SOCKET=" + origin.cniSocket(), bin.resolve("tabby").toString());
        Path answerFile = origin.dir().resolve(pod + ".add.json");
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(answerFile.toFile()).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(networkConfig(pool).getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("CNI ADD of " + pod + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            String answer = Files.readString(answerFile);
            throw new IllegalStateException("CNI ADD of " + pod + " (pool " + pool + ") failed with "
                    + process.exitValue() + ": " + answer.strip());
        }
    }
}
