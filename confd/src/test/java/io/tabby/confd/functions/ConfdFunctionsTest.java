package io.tabby.confd.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.confd.render.RenderException;
import io.tabby.confd.store.KvView;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every function, called from FreeMarker the way templates call it. */
class ConfdFunctionsTest {
    private static final KvView VIEW = KvView.of(Map.of(
            "/host/node1/ip_addr_v4", "10.0.0.1",
            "/host/node2/ip_addr_v4", "10.0.0.2",
            "/host/node2/rr_cluster_id", "1.0.0.1",
            "/global/as_num", "64512",
            "/global/node_mesh", "{\"enabled\": true}",
            "/pools/a", "{\"cidr\": \"10.0.0.0/16\", \"ipip\": \"tunl0\", \"masquerade\": true, \"n\": 3}",
            "/list", "[\"b\", \"a\", 1]"));

    @TempDir
    Path dir;
    private TemplateHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        HostLookup lookup = new HostLookup() {
            @Override
            public List<InetAddress> addresses(String host) {
                try {
                    return host.equals("etcd.local")
                            ? List.of(InetAddress.getByName("10.1.1.2"), InetAddress.getByName("10.1.1.1"),
                                    InetAddress.getByName("fd00::1"))
                            : List.of();
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public List<SrvRecord> services(String service, String proto, String name) {
                return List.of(new SrvRecord("b.local", 2379, 0, 0), new SrvRecord("a.local", 2379, 0, 0));
            }
        };
        harness = new TemplateHarness(dir, Map.of("NODENAME", "node1", "EMPTY", ""), lookup);
    }

    private String render(String template) throws RenderException {
        return harness.render(template, VIEW);
    }

    @Test
    void getvReadsValuesDefaultsAndEmptyForMissing() throws Exception {
        assertThat(render("${getv(\"/global/as_num\")}")).isEqualTo("64512");
        assertThat(render("${getv(\"/global/missing\", \"65000\")}")).isEqualTo("65000");
        assertThat(render("[${getv(\"/global/missing\")}]")).isEqualTo("[]");
        assertThat(render("${getv(\"/host/\" + getenv(\"NODENAME\") + \"/ip_addr_v4\")}")).isEqualTo("10.0.0.1");
    }

    @Test
    void getIsAPairOrAbsent() throws Exception {
        assertThat(render("<#assign kv = get(\"/global/as_num\")>${kv.key}=${kv.value} ${kv.Key}=${kv.Value}"))
                .isEqualTo("/global/as_num=64512 /global/as_num=64512");
        assertThat(render("${get(\"/nope\")???c}")).isEqualTo("false");
    }

    @Test
    void getsAndGetvsGlob() throws Exception {
        assertThat(render("<#list gets(\"/host/*/ip_addr_v4\") as kv>${kv.key}=${kv.value};</#list>"))
                .isEqualTo("/host/node1/ip_addr_v4=10.0.0.1;/host/node2/ip_addr_v4=10.0.0.2;");
        assertThat(render("${getvs(\"/host/*/*\")?join(\",\")}")).isEqualTo("1.0.0.1,10.0.0.1,10.0.0.2");
        assertThat(render("${gets(\"/none/*\")?size}")).isEqualTo("0");
    }

    @Test
    void existsLsAndLsdir() throws Exception {
        assertThat(render("${exists(\"/global/as_num\")?c} ${exists(\"/global\")?c}")).isEqualTo("true false");
        assertThat(render("${ls(\"/host\")?join(\",\")}|${ls(\"/host/node2\")?join(\",\")}|${ls(\"/x\")?size}"))
                .isEqualTo("node1,node2|ip_addr_v4,rr_cluster_id|0");
        assertThat(render("${lsdir(\"/\")?join(\",\")}|${lsdir(\"/global\")?size}")).isEqualTo("global,host,pools|0");
    }

    @Test
    void jsonObjectsAndArrays() throws Exception {
        assertThat(render("<#assign p = json(getv(\"/pools/a\"))>${p.cidr} ${p.ipip} ${p.masquerade} ${p.n + 1}"))
                .isEqualTo("10.0.0.0/16 tunl0 true 4");
        assertThat(render("<#list json(getv(\"/pools/a\")) as k, v>${k};</#list>"))
                .isEqualTo("cidr;ipip;masquerade;n;");
        assertThat(render("${json(getv(\"/global/node_mesh\")).enabled?c}")).isEqualTo("true");
        assertThat(render("<#list jsonArray(getv(\"/list\")) as x>${x};</#list>")).isEqualTo("b;a;1;");
        assertThatThrownBy(() -> render("line one\n${json(\"{not json\").a}"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("json: not valid JSON");
    }

    @Test
    void stringHelpers() throws Exception {
        assertThat(render("${base(\"/host/node1/ip_addr_v4\")} ${dir(\"/host/node1/ip_addr_v4\")}"))
                .isEqualTo("ip_addr_v4 /host/node1");
        assertThat(render("${split(\"10.0.0.0-26\", \"-\")?join(\"|\")} ${split(\"a,,b\", \",\")?size}"))
                .isEqualTo("10.0.0.0|26 3");
        assertThat(render("${join(ls(\"/host\"), \" \")}")).isEqualTo("node1 node2");
        assertThat(render("${toUpper(\"abc\")}${toLower(\"DEF\")}")).isEqualTo("ABCdef");
        assertThat(render("${contains(\"node1\", \"de\")?c}")).isEqualTo("true");
        assertThat(render("${replace(\"a.b.c\", \".\", \"_\", -1)} ${replace(\"a.b.c\", \".\", \"_\", 1)}"))
                .isEqualTo("a_b_c a_b.c");
        assertThat(render("${replace(\"ab\", \"\", \"-\", -1)}")).isEqualTo("-a-b-");
        assertThat(render("${trimSuffix(\"bird.cfg\", \".cfg\")} ${hasSuffix(\"bird.cfg\", \".cfg\")?c}"))
                .isEqualTo("bird true");
        assertThat(render("${base64Encode(\"tabby\")} ${base64Decode(\"dGFiYnk=\")}")).isEqualTo("dGFiYnk= tabby");
    }

    @Test
    void valueHelpers() throws Exception {
        assertThat(render("<#assign m = map(\"a\", 1, \"b\", \"x\")>${m.a} ${m.b}")).isEqualTo("1 x");
        assertThat(render("${parseBool(\"T\")?c} ${parseBool(\"0\")?c}")).isEqualTo("true false");
        assertThat(render("${atoi(\"-42\") + 2}")).isEqualTo("-40");
        assertThat(render("${add(2, 3)} ${sub(2, 3)} ${mul(4, 3)} ${div(7, 2)} ${mod(-7, 2)}"))
                .isEqualTo("5 -1 12 3 -1");
        assertThat(render("${seq(1, 4)?join(\",\")}|${seq(3, 1)?size}")).isEqualTo("1,2,3,4|0");
        assertThat(render("${reverse(ls(\"/host\"))?join(\",\")}")).isEqualTo("node2,node1");
        assertThat(render("${sortByLength([\"ccc\", \"a\", \"bb\"])?join(\",\")}")).isEqualTo("a,bb,ccc");
        assertThat(render("<#list sortKVByLength(gets(\"/host/node2/*\")) as kv>${base(kv.key)};</#list>"))
                .isEqualTo("ip_addr_v4;rr_cluster_id;");
        assertThat(render("<#list reverse(gets(\"/host/*/ip_addr_v4\")) as kv>${kv.value};</#list>"))
                .isEqualTo("10.0.0.2;10.0.0.1;");
        assertThat(render("${hashToIPv4(\"Testrobin123\")} ${hashToIPv4(\"nodeTest\")}"))
                .isEqualTo("207.94.5.27 109.174.215.226");
        assertThatThrownBy(() -> render("${div(1, 0)}")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> render("${atoi(\"12a\")}")).hasMessageContaining("not a whole decimal number");
        assertThatThrownBy(() -> render("${parseBool(\"yes\")}")).hasMessageContaining("is not a boolean");
        assertThatThrownBy(() -> render("${add(\"1\", 2)}")).hasMessageContaining("use atoi");
    }

    @Test
    void hostHelpersReadButNeverWrite() throws Exception {
        assertThat(render("${getenv(\"NODENAME\")}|${getenv(\"UNSET\")}|${getenv(\"EMPTY\", \"d\")}|${getenv(\"UNSET\", \"d\")}"))
                .isEqualTo("node1||d|d");
        assertThat(render("${datetime()?string.iso}")).isEqualTo("2025-01-01T12:00:00Z");
        assertThat(render("${fileExists(\"" + dir + "\")?c} ${fileExists(\"" + dir + "/none\")?c}"))
                .isEqualTo("true false");
        assertThat(render("${lookupIP(\"etcd.local\")?join(\",\")}|${lookupIPV4(\"etcd.local\")?join(\",\")}"
                + "|${lookupIPV6(\"etcd.local\")?size}|${lookupIP(\"nowhere\")?size}"))
                .isEqualTo("10.1.1.1,10.1.1.2,fd00:0:0:0:0:0:0:1|10.1.1.1,10.1.1.2|1|0");
        assertThat(render("<#list lookupSRV(\"etcd-client\", \"tcp\", \"local\") as s>${s.Target}:${s.Port};</#list>"))
                .isEqualTo("a.local:2379;b.local:2379;");
    }

    @Test
    void wrongArgumentsAreRenderErrorsNamingFunctionAndLine() {
        assertThatThrownBy(() -> render("a\nb\n${getv()}"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("getv: expects getv(key) or getv(key, default), got 0 arguments");
        assertThatThrownBy(() -> render("${gets(\"/a[\")?size}")).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> render("<#if>")).isInstanceOf(RenderException.class).hasMessageContaining("syntax error");
    }

    @Test
    void templatesCannotInstantiateClasses() {
        assertThatThrownBy(() -> render("<#assign e = \"freemarker.template.utility.Execute\"?new()>${e(\"id\")}"))
                .isInstanceOf(RenderException.class);
    }
}
