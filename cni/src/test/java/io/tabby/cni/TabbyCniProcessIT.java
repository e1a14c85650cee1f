package io.tabby.cni;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.wire.CniSocketServer;
import io.tabby.cni.wire.FakeCniService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins as real processes, with only this module's classes on the class path (which also
 * proves they need nothing but the JDK): environment and stdin in, stdout, stderr and exit code out.
 */
class TabbyCniProcessIT {
    private static final String CONFIG = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"tabby\","
            + "\"ipam\":{\"type\":\"tabby-ipam\"}}";

    @TempDir
    Path dir;

    record Run(int exit, String stdout, String stderr) {
    }

    private static Run exec(String mainClass, Map<String, String> env, String stdin) throws Exception {
        Path classes = Path.of(TabbyCniMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), mainClass);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("plugin process finished").isTrue();
            return new Run(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pluginsRunAsProcessesAgainstAnAgentSocket() throws Exception {
        FakeCniService service = new FakeCniService();
        try (CniSocketServer server = CniSocketServer.start(dir.resolve("cni.sock"), service)) {
            Map<String, String> env = Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c0ffee",
                    "CNI_NETNS", "/var/run/netns/pod1", "CNI_IFNAME", "eth0", "CNI_PATH", "/opt/cni/bin",
                    "TABBY_CNI_SOCKET", server.socket().toString());
            Run add = exec(TabbyCniMain.class.getName(), env, CONFIG);
            assertThat(add).isEqualTo(new Run(0, "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"cali1b2c3d4e5f6\","
                    + "\"mac\":\"ee:ee:ee:ee:ee:ee\"},{\"name\":\"eth0\",\"mac\":\"0a:58:0a:41:00:05\","
                    + "\"sandbox\":\"/var/run/netns/pod1\"}],\"ips\":[{\"interface\":1,\"address\":\"10.65.0.5/32\"}],"
                    + "\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"169.254.1.1\"}],\"dns\":{}}", ""));

            Run ipamDel = exec(TabbyIpamMain.class.getName(), Map.of("CNI_COMMAND", "DEL", "CNI_CONTAINERID", "c0ffee",
                    "CNI_IFNAME", "eth0", "TABBY_CNI_SOCKET", server.socket().toString()), CONFIG);
            assertThat(ipamDel).isEqualTo(new Run(0, "", ""));
            assertThat(service.requests()).hasSize(2);
        }
    }

    @Test
    void withoutAnAgentAddFailsCleanlyWithCode11() throws Exception {
        Path socket = dir.resolve("absent.sock");
        Run add = exec(TabbyCniMain.class.getName(), Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c0ffee",
                "CNI_NETNS", "/var/run/netns/pod1", "CNI_IFNAME", "eth0", "TABBY_CNI_SOCKET", socket.toString()), CONFIG);
        assertThat(add.exit()).isEqualTo(1);
        assertThat(add.stdout()).startsWith("{\"cniVersion\":\"1.0.0\",\"code\":11,"
                + "\"msg\":\"the node agent is not reachable at " + socket + "\"");
        assertThat(add.stderr()).isEmpty();

        Run garbage = exec(TabbyCniMain.class.getName(), Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c0ffee",
                "CNI_NETNS", "/var/run/netns/pod1", "CNI_IFNAME", "eth0", "TABBY_CNI_SOCKET", socket.toString()),
                "{not json");
        assertThat(garbage.exit()).isEqualTo(1);
        assertThat(garbage.stdout()).startsWith("{\"cniVersion\":\"1.1.0\",\"code\":7,"
                + "\"msg\":\"network config on stdin is not valid JSON\",\"details\":\"unexpected 'n', expected a member"
                + " name in double quotes at line 1, column 2 (offset 1)\"}");
        assertThat(garbage.stderr()).isEmpty();

        Run version = exec(TabbyIpamMain.class.getName(), Map.of("CNI_COMMAND", "VERSION"), "{\"cniVersion\":\"0.4.0\"}");
        assertThat(version).isEqualTo(new Run(0,
                "{\"cniVersion\":\"0.4.0\",\"supportedVersions\":[\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}", ""));
        assertThat(List.of(add, garbage, version)).allSatisfy(r -> assertThat(r.stdout()).doesNotContain("\tat "));
    }
}
