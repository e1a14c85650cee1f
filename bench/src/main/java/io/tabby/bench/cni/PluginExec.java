package io.tabby.bench.cni;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a plugin once as a runtime does and times it from process start to exit. */
final class PluginExec {
    /** Far above any plugin's run; a hung plugin is killed and reported instead of hanging the bench. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** What one run did. */
    record Outcome(int exitCode, String stdout, Duration elapsed) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private PluginExec() {}

    static Outcome run(Subject subject, String command, String containerId, String netnsPath, String podName)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(subject.executable().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.putAll(subject.env());
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", containerId);
        env.put("CNI_NETNS", netnsPath);
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=bench;K8S_POD_NAME=" + podName);
        env.putIfAbsent("CNI_PATH", subject.executable().getParent().toString());
        byte[] stdin = subject.config().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(subject.name() + " " + command + " did not exit within " + LIMIT);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8), elapsed);
    }
}
