package io.tabby.cni;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonReader;
import io.tabby.cni.spec.CniCommand;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.PluginKind;
import io.tabby.cni.wire.CniSocketServer;
import io.tabby.cni.wire.FakeCniService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the plugins as a container runtime does: environment and stdin in, stdout and exit code out. */
@Timeout(60)
class TabbyCniMainTest {
    static final String CONFIG = "{\"cniVersion\":\"0.4.0\",\"name\":\"k8s-pod-network\",\"type\":\"calico\","
            + "\"mtu\":1440,\"ipam\":{\"type\":\"calico-ipam\"}}";

    @TempDir
    Path dir;
    private final FakeCniService service = new FakeCniService();
    private CniSocketServer server;

    @BeforeEach
    void start() throws IOException {
        server = CniSocketServer.start(dir.resolve("cni.sock"), service);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    record Outcome(int exit, String stdout) {
        JsonObject json() throws Exception {
            return (JsonObject) JsonReader.INSTANCE.parse(stdout);
        }

        long code() throws Exception {
            return ((io.tabby.cni.json.JsonNumber) json().get("code").orElseThrow()).longValueExact().orElseThrow();
        }
    }

    private Map<String, String> env(String command) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "c0ffee");
        env.put("CNI_NETNS", "/var/run/netns/pod1");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=nginx");
        env.put("CNI_PATH", "/opt/cni/bin");
        env.put("TABBY_CNI_SOCKET", server.socket().toString());
        return env;
    }

    private static Outcome run(Map<String, String> env, String stdin) {
        return run(PluginKind.TABBY, env, stdin);
    }

    private static Outcome run(PluginKind plugin, Map<String, String> env, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
            exit = plugin == PluginKind.TABBY ? TabbyCniMain.run(env, in, print) : TabbyIpamMain.run(env, in, print);
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void versionIsAnsweredWithoutTheAgent() throws IOException {
        server.close();
        Outcome o = run(Map.of("CNI_COMMAND", "VERSION"), "{\"cniVersion\":\"1.0.0\"}");
        assertThat(o.exit()).isZero();
        assertThat(o.stdout()).isEqualTo(
                "{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}");
        assertThat(run(Map.of("CNI_COMMAND", "VERSION"), "").stdout()).startsWith("{\"cniVersion\":\"1.1.0\"");
    }

    @Test
    void addPrintsTheResultInTheConfigsVersion() throws Exception {
        Outcome o = run(env("ADD"), CONFIG);
        assertThat(o.exit()).isZero();
        assertThat(o.stdout()).isEqualTo("{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"cali1b2c3d4e5f6\","
                + "\"mac\":\"ee:ee:ee:ee:ee:ee\"},{\"name\":\"eth0\",\"mac\":\"0a:58:0a:41:00:05\","
                + "\"sandbox\":\"/var/run/netns/pod1\"}],\"ips\":[{\"version\":\"4\",\"interface\":1,"
                + "\"address\":\"10.65.0.5/32\"}],\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"169.254.1.1\"}],\"dns\":{}}");
        Outcome v1 = run(env("ADD"), CONFIG.replace("0.4.0", "1.0.0"));
        assertThat(v1.stdout()).startsWith("{\"cniVersion\":\"1.0.0\"").doesNotContain("\"version\"");
        assertThat(service.requests().getFirst().config().mtu()).isEqualTo(1440);
    }

    @Test
    void delCheckGcAndStatusPrintNothingOnSuccess() {
        String withPrev = CONFIG.replaceFirst("\\{", "{\"prevResult\":{\"ips\":[{\"version\":\"4\",\"address\":\"10.65.0.5/32\"}]},");
        for (String command : new String[] {"DEL", "CHECK"}) {
            assertThat(run(env(command), withPrev)).isEqualTo(new Outcome(0, ""));
        }
        String v11 = CONFIG.replace("0.4.0", "1.1.0");
        assertThat(run(env("STATUS"), v11)).isEqualTo(new Outcome(0, ""));
        String gc = v11.replaceFirst("\\{", "{\"cni.dev/valid-attachments\":[],");
        assertThat(run(Map.of("CNI_COMMAND", "GC", "TABBY_CNI_SOCKET", server.socket().toString()), gc))
                .isEqualTo(new Outcome(0, ""));
        assertThat(service.requests()).extracting(r -> r.command())
                .containsExactly(CniCommand.DEL, CniCommand.CHECK, CniCommand.STATUS, CniCommand.GC);
    }

    @Test
    void theIpamPluginForwardsAsTabbyIpam() {
        assertThat(run(PluginKind.TABBY_IPAM, env("ADD"), CONFIG).exit()).isZero();
        assertThat(service.requests().getFirst().plugin()).isEqualTo(PluginKind.TABBY_IPAM);
    }

    @Test
    void anAbsentAgentIsCode11ForAddAnd50ForStatus() throws Exception {
        server.close();
        Outcome add = run(env("ADD"), CONFIG);
        assertThat(add.exit()).isEqualTo(1);
        assertThat(add.code()).isEqualTo(CniError.TRY_AGAIN_LATER);
        assertThat(add.json().get("msg").orElseThrow().toString()).contains(server.socket().toString());
        assertThat(add.json().get("cniVersion").orElseThrow().toString()).contains("0.4.0");

        Outcome status = run(env("STATUS"), CONFIG.replace("0.4.0", "1.1.0"));
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.code()).isEqualTo(CniError.PLUGIN_NOT_AVAILABLE);
    }

    @Test
    void malformedInputIsAnErrorJsonNeverAStackTrace() throws Exception {
        String[] inputs = {"", "{", "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"tabby\"}", "[1,2]",
            "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"},\"mtu\":1e999}",
            "\u0000\uFFFF garbage"};
        for (String input : inputs) {
            Outcome o = run(env("ADD"), input);
            assertThat(o.exit()).as("exit for %s", input).isEqualTo(1);
            assertThat(o.code()).as("code for %s", input).isEqualTo(CniError.INVALID_NETWORK_CONFIG);
            assertThat(o.stdout()).doesNotContain("\tat ", "Exception").doesNotContain("\n");
        }
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void badEnvironmentIsCode4AndUnsupportedVersionCode1() throws Exception {
        Map<String, String> env = env("ADD");
        env.remove("CNI_NETNS");
        Outcome o = run(env, CONFIG);
        assertThat(o.code()).isEqualTo(CniError.INVALID_ENVIRONMENT);
        assertThat(o.json().get("msg").orElseThrow().toString()).contains("CNI_NETNS is not set");
        assertThat(run(env("ADD"), CONFIG.replace("0.4.0", "0.2.0")).code()).isEqualTo(CniError.INCOMPATIBLE_VERSION);
    }

    @Test
    void serviceErrorsReachTheRuntimeInTheConfigsVersion() throws Exception {
        service.failWith(new CniException(CniError.TRY_AGAIN_LATER, "etcd is unreachable", "check etcd"));
        Outcome o = run(env("ADD"), CONFIG);
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stdout()).isEqualTo(
                "{\"cniVersion\":\"0.4.0\",\"code\":11,\"msg\":\"etcd is unreachable\",\"details\":\"check etcd\"}");
    }

    @Test
    void anUnexpectedExceptionIsCode999() throws Exception {
        PluginRunner runner = new PluginRunner(PluginKind.TABBY, settings -> {
            throw new IllegalStateException("surprise");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = runner.run(env("ADD"), new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"cniVersion\":\"0.4.0\",\"code\":999,"
                + "\"msg\":\"internal error in the tabby plugin\",\"details\":\"java.lang.IllegalStateException: surprise\"}");
    }

    @Test
    void logFilePathGetsPlainLines() throws Exception {
        Path log = dir.resolve("log/cni.log");
        String config = CONFIG.replaceFirst("\\{", "{\"log_file_path\":\"" + log + "\",\"log_level\":\"debug\",");
        run(env("ADD"), config);
        service.failWith(new CniException(CniError.TRY_AGAIN_LATER, "etcd is unreachable", "check etcd"));
        run(env("DEL"), config);
        assertThat(Files.readAllLines(log)).hasSize(4).satisfies(lines -> {
            assertThat(lines.get(0)).contains(" DEBUG tabby ADD container=c0ffee ifname=eth0 forwarding to ");
            assertThat(lines.get(1)).contains(" INFO tabby ADD container=c0ffee ifname=eth0 ok");
            assertThat(lines.get(2)).contains(" DEBUG tabby DEL container=c0ffee");
            assertThat(lines.get(3)).contains(" ERROR tabby DEL container=c0ffee ifname=eth0 failed: code 11: "
                    + "etcd is unreachable (check etcd)");
        });
    }
}
