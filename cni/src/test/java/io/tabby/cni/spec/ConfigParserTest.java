package io.tabby.cni.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonReader;
import io.tabby.cni.json.JsonWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigParserTest {
    static final String CALICO = """
            {"cniVersion":"0.4.0","name":"k8s-pod-network","type":"calico","nodename":"node-a",
             "etcd_endpoints":"http://127.0.0.1:2379","log_level":"Info","log_file_path":"/var/log/tabby/cni.log",
             "mtu":1440,
             "ipam":{"type":"calico-ipam","assign_ipv4":"true","assign_ipv6":"true",
                     "ipv4_pools":["10.65.0.0/16","default-ipv4-ippool"],"ipv6_pools":["fd00:10::/64"]},
             "policy":{"type":"k8s"},
             "args":{"cni":{"labels":[{"key":"app","value":"web"},{"key":"tier","value":""}]}},
             "runtimeConfig":{"portMappings":[]}}
            """;

    private static NetworkConfig parse(String json, PluginKind plugin, CniCommand command) throws CniException {
        return ConfigParser.INSTANCE.parse(json, plugin, command);
    }

    /** {@link #CALICO} with one top-level or ipam member replaced (null value: removed). */
    private static String with(String path, String jsonValue) throws Exception {
        JsonObject root = (JsonObject) JsonReader.INSTANCE.parse(CALICO);
        String[] parts = path.split("\\.");
        return JsonWriter.INSTANCE.write(replace(root, parts, 0, jsonValue));
    }

    private static JsonObject replace(JsonObject o, String[] parts, int at, String jsonValue) throws Exception {
        java.util.LinkedHashMap<String, io.tabby.cni.json.JsonValue> m = new java.util.LinkedHashMap<>(o.members());
        if (at == parts.length - 1) {
            if (jsonValue == null) {
                m.remove(parts[at]);
            } else {
                m.put(parts[at], JsonReader.INSTANCE.parse(jsonValue));
            }
        } else {
            m.put(parts[at], replace((JsonObject) m.get(parts[at]), parts, at + 1, jsonValue));
        }
        return new JsonObject(m);
    }

    @Test
    void readsCalicosFields() throws CniException {
        NetworkConfig c = parse(CALICO, PluginKind.TABBY, CniCommand.ADD);
        assertThat(c.cniVersion()).isEqualTo(CniVersion.V0_4_0);
        assertThat(c.name()).isEqualTo("k8s-pod-network");
        assertThat(c.type()).isEqualTo("calico");
        assertThat(c.nodename()).contains("node-a");
        assertThat(c.mtu()).isEqualTo(1440);
        assertThat(c.logLevel()).contains("info");
        assertThat(c.logFilePath()).contains("/var/log/tabby/cni.log");
        assertThat(c.ipam()).isEqualTo(new IpamConfig("calico-ipam", true, true,
                List.of("10.65.0.0/16", "default-ipv4-ippool"), List.of("fd00:10::/64")));
        assertThat(c.labels()).containsExactly(new Label("app", "web"), new Label("tier", ""));
        assertThat(c.prevResult()).isEmpty();
        assertThat(c.runtimeConfig().has("portMappings")).isTrue();
        assertThat(c.raw().has("etcd_endpoints")).isTrue();
        assertThat(c.validAttachments()).isEmpty();
    }

    @Test
    void appliesCalicosDefaults() throws CniException {
        NetworkConfig c = parse("{\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"}}",
                PluginKind.TABBY, CniCommand.ADD);
        assertThat(c.ipam().assignIpv4()).isTrue();
        assertThat(c.ipam().assignIpv6()).isFalse();
        assertThat(c.mtu()).isZero();
        assertThat(c.nodename()).isEmpty();
        assertThat(c.labels()).isEmpty();
    }

    @Test
    void theIpamPluginAcceptsTheMainPluginsConfig() throws CniException {
        assertThat(parse(CALICO, PluginKind.TABBY_IPAM, CniCommand.ADD).ipam().type()).isEqualTo("calico-ipam");
    }

    @Test
    void gcReadsValidAttachmentsUnderEitherName() throws Exception {
        String v11 = with("cniVersion", "\"1.1.0\"");
        String gc = v11.replaceFirst("\\{", "{\"cni.dev/valid-attachments\":[{\"containerID\":\"c1\",\"ifname\":\"eth0\"}],");
        assertThat(parse(gc, PluginKind.TABBY, CniCommand.GC).validAttachments())
                .containsExactly(new Attachment("c1", "eth0"));
        String old = v11.replaceFirst("\\{", "{\"cni.dev/attachments\":[],");
        assertThat(parse(old, PluginKind.TABBY, CniCommand.GC).validAttachments()).isEmpty();
        assertThatThrownBy(() -> parse(v11, PluginKind.TABBY, CniCommand.GC))
                .hasMessageStartingWith("cni.dev/valid-attachments: missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cniVersion          | \"0.3.0\"      | 1 | cniVersion 0.3.0 is not supported",
        "cniVersion          |                | 7 | cniVersion: missing",
        "cniVersion          | 1              | 7 | cniVersion: must be a string, not a number",
        "name                | \"\"           | 7 | name: is empty",
        "name                | \"a b\"        | 7 | name: 'a b' has invalid characters",
        "type                | \"bridge\"     | 7 | type: 'bridge' is not this plugin's type",
        "mtu                 | 40             | 7 | mtu: 40 is out of range",
        "mtu                 | 1500.5         | 7 | mtu: '1500.5' is not a whole number",
        "mtu                 | \"1500\"       | 7 | mtu: must be a number, not a string",
        "log_level           | \"loud\"       | 7 | log_level: 'loud' is not a log level",
        "log_file_path       | \"cni.log\"    | 7 | log_file_path: 'cni.log' is not an absolute path",
        "ipam                |                | 7 | ipam: missing",
        "ipam.type           | \"host-local\" | 7 | ipam.type: 'host-local' is not supported",
        "ipam.assign_ipv4    | \"yes\"        | 7 | ipam.assign_ipv4: must be \"true\" or \"false\"",
        "ipam.ipv4_pools     | [\"fd00::/64\"]  | 7 | ipam.ipv4_pools[0]: 'fd00::/64' is not an IPv4 CIDR",
        "ipam.ipv6_pools     | [\"fd00::/129\"] | 7 | ipam.ipv6_pools[0]: 'fd00::/129' is not an IPv6 CIDR",
        "ipam.ipv4_pools     | [\"Bad_Pool\"]   | 7 | ipam.ipv4_pools[0]: 'Bad_Pool' is neither a CIDR nor a pool name",
        "ipam.ipv4_pools     | \"10.0.0.0/8\"   | 7 | ipam.ipv4_pools: must be an array, not a string",
        "args.cni.labels     | [{\"value\":\"x\"}] | 7 | args.cni.labels[0].key: missing",
        "args.cni.labels     | [\"app=web\"]  | 7 | args.cni.labels[0]: must be an object, not a string",
        "prevResult          | []             | 7 | prevResult: must be an object, not an array",
    })
    void namesTheBadField(String field, String value, int code, String message) throws Exception {
        String json = with(field, value);
        assertThatThrownBy(() -> parse(json, PluginKind.TABBY, CniCommand.ADD)).isInstanceOf(CniException.class)
                .satisfies(e -> {
                    CniError error = ((CniException) e).error();
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.msg()).isEqualTo(message);
                    assertThat(error.details()).isNotBlank();
                });
    }

    @Test
    void bothFamiliesOffIsRefused() throws Exception {
        String json = with("ipam", "{\"type\":\"tabby-ipam\",\"assign_ipv4\":\"false\"}");
        assertThatThrownBy(() -> parse(json, PluginKind.TABBY, CniCommand.ADD))
                .hasMessageStartingWith("ipam: assign_ipv4 and assign_ipv6 are both false");
        String v4only = with("ipam", "{\"type\":\"tabby-ipam\",\"assign_ipv4\":false,\"assign_ipv6\":true}");
        assertThat(parse(v4only, PluginKind.TABBY, CniCommand.ADD).ipam().assignIpv6()).isTrue();
    }

    @Test
    void commandsNewerThanTheConfigVersionAreIncompatible() {
        for (Map.Entry<CniCommand, String> e : Map.of(CniCommand.CHECK, "0.3.1", CniCommand.GC, "1.0.0",
                CniCommand.STATUS, "0.4.0").entrySet()) {
            String json = CALICO.replace("\"0.4.0\"", "\"" + e.getValue() + "\"");
            assertThatThrownBy(() -> parse(json, PluginKind.TABBY, e.getKey())).isInstanceOf(CniException.class)
                    .satisfies(x -> assertThat(((CniException) x).error().code()).isEqualTo(1))
                    .hasMessageStartingWith("config version " + e.getValue() + " does not allow " + e.getKey());
        }
    }

    @Test
    void malformedOrMissingStdinIsCode7NamingThePosition() {
        assertThatThrownBy(() -> parse("{\"cniVersion\":\"1.0.0\",}", PluginKind.TABBY, CniCommand.ADD))
                .isInstanceOf(CniException.class)
                .satisfies(e -> {
                    CniError error = ((CniException) e).error();
                    assertThat(error.code()).isEqualTo(7);
                    assertThat(error.msg()).isEqualTo("network config on stdin is not valid JSON");
                    assertThat(error.details()).contains("line 1, column 23");
                });
        assertThatThrownBy(() -> parse("  ", PluginKind.TABBY, CniCommand.ADD))
                .hasMessageStartingWith("no network configuration on stdin");
        assertThatThrownBy(() -> parse("[]", PluginKind.TABBY, CniCommand.ADD))
                .hasMessageStartingWith("network config on stdin is a JSON array, not an object");
    }
}
