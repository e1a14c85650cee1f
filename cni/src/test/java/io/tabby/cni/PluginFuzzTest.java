package io.tabby.cni;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonReader;
import io.tabby.cni.spec.PluginKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * §C scenario 5, "never panics": mutated network configs and environments through the whole
 * plugin. Every run must end with exit 0 or 1 and exactly one JSON object line (no agent is
 * listening, so valid inputs end in code 11). Fixed seed, bounded rounds.
 */
class PluginFuzzTest {
    private static final String CONFIG = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"tabby\","
            + "\"mtu\":1440,\"log_level\":\"info\",\"ipam\":{\"type\":\"tabby-ipam\",\"assign_ipv4\":\"true\","
            + "\"ipv4_pools\":[\"10.65.0.0/16\"]},\"args\":{\"cni\":{\"labels\":[{\"key\":\"app\",\"value\":\"web\"}]}},"
            + "\"prevResult\":{\"ips\":[{\"address\":\"10.65.0.5/32\"}],\"dns\":{}}}";
    private static final String ALPHABET = "{}[]:,\"\\/u0123456789.eE+-atrufnl \t\n\u0000é";
    private static final String[] COMMANDS = {"ADD", "DEL", "CHECK", "GC", "STATUS", "VERSION", "add", ""};

    @TempDir
    Path dir;

    @Test
    void mutatedInputsAlwaysEndInOneJsonLineAndExit0Or1() throws Exception {
        Random random = new Random(5L);
        PluginRunner runner = new PluginRunner(PluginKind.TABBY);
        String socket = dir.resolve("nobody-listens.sock").toString();
        for (int round = 0; round < 1500; round++) {
            String stdin = mutate(CONFIG, random);
            Map<String, String> env = Map.of(
                    "CNI_COMMAND", COMMANDS[random.nextInt(COMMANDS.length)],
                    "CNI_CONTAINERID", random.nextInt(10) == 0 ? "bad/id" : "c" + round,
                    "CNI_NETNS", "/var/run/netns/p",
                    "CNI_IFNAME", random.nextInt(10) == 0 ? "" : "eth0",
                    "CNI_ARGS", random.nextInt(10) == 0 ? "K8S_POD_NAME" : "K8S_POD_NAMESPACE=ns;K8S_POD_NAME=p",
                    "TABBY_CNI_SOCKET", socket);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = runner.run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as("exit for %s", stdin).isIn(0, 1);
            if (exit == 0) {
                // only VERSION can succeed without an agent
                assertThat(env.get("CNI_COMMAND")).isEqualTo("VERSION");
            }
            assertThat(printed).endsWith("\n");
            assertThat(printed.strip()).doesNotContain("\n");
            assertThat(JsonReader.INSTANCE.parse(printed.strip())).isInstanceOf(JsonObject.class);
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = random.nextInt(4);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }
}
