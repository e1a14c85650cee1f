package io.tabby.bird.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {

    @Test
    void unknownKernelOptionNamesTheOptionAndTheSupportedOnes() {
        assertThat(error("protocol kernel {\n  learn;\n  krt_tunnel;\n}\n")).isEqualTo(
                "bird.cfg:3:3: unknown option 'krt_tunnel' in protocol kernel (Tabby supports: description, debug, "
                        + "import, export, learn, persist, scan time, device routes, graceful restart, merge paths, "
                        + "kernel table)");
    }

    @Test
    void unknownBgpOptionAndUnknownStatement() {
        assertThat(error("template bgp t {\n  local as 1;\n  ttl security on;\n}\n"))
                .startsWith("bird.cfg:3:3: unknown option 'ttl' in protocol bgp (Tabby supports: description, ");
        assertThat(error("define x = 1;\n")).isEqualTo("bird.cfg:1:1: unknown statement 'define' (Tabby "
                + "supports: router id, listen bgp, log, debug protocols, filter, function, protocol, template bgp, include)");
        assertThat(error("protocol ospf {\n}\n")).isEqualTo(
                "bird.cfg:1:10: unsupported protocol type 'ospf' (Tabby supports: kernel, device, direct, static, bgp)");
    }

    @Test
    void unterminatedStringAndComment() {
        assertThat(error("protocol direct {\n  interface \"cali*;\n}\n"))
                .isEqualTo("bird.cfg:2:13: unterminated string: add the closing '\"' on the same line");
        assertThat(error("router id 10.0.0.1;\n/* never closed\n"))
                .isEqualTo("bird.cfg:2:1: unterminated comment: add the closing '*/'");
    }

    @Test
    void missingSemicolonIsReportedAtTheNextToken() {
        assertThat(error("router id 10.0.0.1\nprotocol device {\n}\n"))
                .isEqualTo("bird.cfg:2:1: expected ';', found 'protocol'");
    }

    @Test
    void badAddressesAndPrefixes() {
        assertThat(error("router id 10.0.0.256;\n"))
                .isEqualTo("bird.cfg:1:11: expected a router id (an IPv4 address), found '10.0.0.256'");
        assertThat(error("template bgp t {\n  neighbor 10.0.0.x as 1;\n}\n"))
                .isEqualTo("bird.cfg:2:12: expected an IPv4 or IPv6 address, found '10.0.0.x'");
        assertThat(error("protocol static {\n  route 192.168.2.1/26 blackhole;\n}\n")).isEqualTo(
                "bird.cfg:2:9: invalid prefix 192.168.2.1/26: prefix 192.168.2.1/26 has host bits set");
        assertThat(error("template bgp t {\n  source address fd00::1::2;\n}\n"))
                .isEqualTo("bird.cfg:2:18: expected an IPv4 or IPv6 address, found 'fd00::1::2'");
    }

    @Test
    void addressesOfTheOtherFamilyAreRefusedLikeBirdAndBird6Do() {
        assertThat(error("template bgp t {\n  neighbor fd00::1 as 1;\n}\n")).isEqualTo(
                "bird.cfg:2:12: this is an IPv4 router, therefore IPv6 addresses are not supported");
        BirdConfigException e = catchThrowableOfType(BirdConfigException.class, () -> InMemoryFiles.parse(
                Map.of("bird.cfg", "router id 10.0.0.1;\nprotocol static {\n  route 10.0.0.0/8 blackhole;\n}\n"),
                RouterFamily.IPV6));
        assertThat(e.getMessage()).isEqualTo(
                "bird.cfg:3:9: this is an IPv6 router, therefore IPv4 addresses are not supported");
    }

    @Test
    void unknownTemplateFilterAndFunction() {
        assertThat(error("protocol bgp p1 from nosuch {\n}\n")).isEqualTo("bird.cfg:1:22: unknown template 'nosuch': "
                + "define it with 'template bgp nosuch { ... }' before it is used");
        assertThat(error("protocol kernel {\n  export filter nope;\n}\n")).isEqualTo("bird.cfg:2:17: unknown filter "
                + "'nope': define it with 'filter nope { ... }' before it is used");
        assertThat(error("filter f {\n  calico_aggr();\n}\n")).isEqualTo("bird.cfg:2:3: unknown function "
                + "'calico_aggr': define it with 'function calico_aggr() { ... }' before it is used");
    }

    @Test
    void filterStatementsOutsideTheSubset() throws BirdConfigException {
        assertThat(error("filter f {\n  print net;\n}\n")).isEqualTo("bird.cfg:2:3: unknown filter statement "
                + "'print' (Tabby supports: if, accept, reject, return, function calls, attribute assignments)");
        assertThat(error("filter f {\n  if net ~ 10.0.0.0/8 then accept\n}\n"))
                .isEqualTo("bird.cfg:3:1: expected ';', found '}'");
        assertThat(error("filter f {\n  bgp_foo = 1;\n}\n")).startsWith("bird.cfg:2:3: cannot assign to 'bgp_foo'");
        // krt_tunnel exists only in Calico's BIRD fork; Tabby accepts it so Calico's own templates parse.
        BirdConfig config = InMemoryFiles.parse("filter f {\n  krt_tunnel = \"tunl0\";\n  accept;\n}\n");
        assertThat(config.filters().get("f").body().getFirst())
                .isEqualTo(new FilterStatement.Assign("krt_tunnel", new FilterExpr.StringLiteral("tunl0")));
    }

    @Test
    void bgpProtocolWithoutAsOrNeighbor() {
        assertThat(error("protocol bgp p {\n  neighbor 10.0.0.1 as 1;\n}\n"))
                .isEqualTo("bird.cfg:1:1: protocol bgp p has no 'local as': add 'local as N;'");
        assertThat(error("protocol bgp p {\n  local as 1;\n}\n"))
                .isEqualTo("bird.cfg:1:1: protocol bgp p has no 'neighbor ADDRESS as N': add it");
        assertThat(error("protocol bgp p {\n  local as 1;\n  neighbor 10.0.0.1 as 2;\n  rr client;\n}\n"))
                .isEqualTo("bird.cfg:1:1: protocol bgp p: only an internal neighbor (same AS) can be an rr client");
        assertThat(error("template bgp t {\n  local as 1;\n  gateway direct;\n}\n"
                + "protocol bgp p from t {\n  neighbor 10.0.0.1 as 1;\n  multihop;\n}\n")).isEqualTo(
                "bird.cfg:5:1: protocol bgp p: a multihop session cannot use 'gateway direct'; use 'gateway recursive'");
    }

    @Test
    void duplicateNamesAndStrayCharacters() {
        assertThat(error("function f() {\n}\nfilter f {\n}\n"))
                .isEqualTo("bird.cfg:3:8: 'f' is already defined at bird.cfg:1:10: choose another name");
        assertThat(error("router id @;\n")).isEqualTo("bird.cfg:1:11: unexpected character '@'");
        assertThat(error("protocol device {\n  scan time 0;\n}\n"))
                .isEqualTo("bird.cfg:2:13: a time in seconds 0 is out of range 1..65535");
    }

    @Test
    void deepNestingIsRefusedWithAPositionNotAStackOverflow() {
        String nots = "filter f {\n  if " + "!".repeat(100_000) + "true then accept;\n}\n";
        assertThat(error(nots)).isEqualTo("bird.cfg:2:67: filter nested deeper than 64 levels: simplify it");
        String ifs = "filter f {\n" + "if true then ".repeat(100_000) + "accept;\n}\n";
        assertThat(error(ifs)).isEqualTo("bird.cfg:2:810: filter nested deeper than 64 levels: simplify it");
        String parens = "filter f {\n  if " + "(".repeat(100_000) + "true then accept;\n}\n";
        assertThat(error(parens)).isEqualTo("bird.cfg:2:68: filter nested deeper than 64 levels: simplify it");
    }

    @Test
    void includeCycleMissingIncludeAndErrorsInsideIncludes() {
        assertThat(error(Map.of("bird.cfg", "include \"a.cfg\";\n", "a.cfg", "\ninclude \"bird.cfg\";\n")))
                .isEqualTo("a.cfg:2:1: include cycle: bird.cfg is already being read");
        assertThat(error(Map.of("bird.cfg", "router id 1.2.3.4;\ninclude \"nope.cfg\";\n")))
                .isEqualTo("bird.cfg:2:1: cannot read included file nope.cfg: no such file");
        assertThat(error(Map.of("bird.cfg", "include \"a.cfg\";\nrouter id 1.2.3.4;\n", "a.cfg", "bogus;\n")))
                .startsWith("a.cfg:1:1: unknown statement 'bogus'");
        assertThat(error(Map.of("bird.cfg", "include \"*.cfg\";\n"))).isEqualTo(
                "bird.cfg:1:9: include \"*.cfg\": Tabby includes one named file, not patterns; list each file");
        assertThat(error(Map.of("other.cfg", ""))).isEqualTo(
                "bird.cfg:1:1: cannot read configuration file bird.cfg: no such file");
    }

    @Test
    void includeSplicesTokensAndReturnsToTheIncludingFile() throws BirdConfigException {
        BirdConfig config = InMemoryFiles.parse(Map.of(
                "bird.cfg", "include \"f.cfg\";\nprotocol kernel {\n  export filter f;\n}\n",
                "f.cfg", "filter f {\n  accept;\n}\n"));

        assertThat(config.filters()).containsOnlyKeys("f");
        assertThat(config.filters().get("f").position().toString()).isEqualTo("f.cfg:1:1");
        assertThat(config.protocol("kernel1").orElseThrow().position().toString()).isEqualTo("bird.cfg:2:1");
    }

    private static String error(String text) {
        return error(Map.of("bird.cfg", text));
    }

    private static String error(Map<String, String> files) {
        BirdConfigException e = catchThrowableOfType(BirdConfigException.class, () -> InMemoryFiles.parse(files));
        assertThat(e).as("the configuration was accepted").isNotNull();
        return e.getMessage();
    }
}
