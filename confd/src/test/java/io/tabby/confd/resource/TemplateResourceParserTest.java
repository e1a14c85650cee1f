package io.tabby.confd.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateResourceParserTest {
    private static final Path FILE = Path.of("/etc/confd/conf.d/bird.toml");
    private final TemplateResourceParser parser =
            new TemplateResourceParser(Optional.empty(), Map.of("NODENAME", "node1"));

    private TemplateResource parse(String text) {
        return parser.parse(FILE, "bird.toml", text);
    }

    @Test
    void readsEveryField() {
        TemplateResource resource = parse("""
                [template]
                src = "bird.cfg.ftl"
                dest = "/etc/calico/confd/config/bird.cfg"
                prefix = "/calico/bgp/v1"
                keys = ["/host", "/global"]
                owner = "root"
                mode = "0640"
                uid = 0
                gid = 10
                check_cmd = "bird -p -c {{.src}}"
                reload_cmd = "birdc configure"
                keep_stage_file = true
                """);

        assertThat(resource.name()).isEqualTo("bird.toml");
        assertThat(resource.src()).isEqualTo("bird.cfg.ftl");
        assertThat(resource.dest()).isEqualTo(Path.of("/etc/calico/confd/config/bird.cfg"));
        assertThat(resource.prefix()).isEqualTo("/calico/bgp/v1");
        assertThat(resource.fullKeys()).containsExactly("/calico/bgp/v1/host", "/calico/bgp/v1/global");
        assertThat(resource.mode()).contains(0640);
        assertThat(resource.uid()).hasValue(0);
        assertThat(resource.gid()).hasValue(10);
        assertThat(resource.owner()).contains("root");
        assertThat(resource.checkCmd()).contains("bird -p -c {{.src}}");
        assertThat(resource.reloadCmd()).contains("birdc configure");
        assertThat(resource.keepStageFile()).isTrue();
        assertThat(resource.reads("/calico/bgp/v1/host/node1/ip_addr_v4")).isTrue();
        assertThat(resource.reads("/calico/v1/ipam/v4/pool/x")).isFalse();
    }

    @Test
    void defaultsAndForcedLeadingSlash() {
        TemplateResource resource = parse("""
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                prefix = "calico"
                keys = ["/v1/ipam/v4/pool"]
                """);
        assertThat(resource.prefix()).isEqualTo("/calico");
        assertThat(resource.fullKeys()).containsExactly("/calico/v1/ipam/v4/pool");
        assertThat(resource.mode()).isEmpty();
        assertThat(resource.uid()).isEmpty();
        assertThat(resource.checkCmd()).isEmpty();
        assertThat(resource.keepStageFile()).isFalse();
    }

    @Test
    void nodeNameIsSubstitutedAsCalicosForkDoes() {
        TemplateResource resource = parse("""
                [template]
                src = "bird_aggr.cfg.ftl"
                dest = "/tmp/bird_aggr.cfg"
                keys = ["/calico/ipam/v2/host//NODENAME/ipv4/block", "/calico/staticroutes"]
                """);
        assertThat(resource.prefix()).isEqualTo("/");
        assertThat(resource.keys()).containsExactly("/calico/ipam/v2/host/node1/ipv4/block", "/calico/staticroutes");
        assertThat(resource.fullKeys())
                .containsExactly("/calico/ipam/v2/host/node1/ipv4/block", "/calico/staticroutes");
    }

    @Test
    void nodeNameMissingIsAnError() {
        var noNode = new TemplateResourceParser(Optional.empty(), Map.of());
        assertThatThrownBy(() -> noNode.parse(FILE, "bird.toml", """
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                keys = ["/host//NODENAME"]
                """)).hasMessage(FILE + ":4: keys uses //NODENAME but NODENAME is not set;"
                + " set NODENAME to this node's name in confd's environment");
    }

    @Test
    void globalPrefixReplacesTheResourcePrefix() {
        var withPrefix = new TemplateResourceParser(Optional.of("/production"), Map.of());
        TemplateResource resource = withPrefix.parse(FILE, "a.toml", """
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                prefix = "/calico"
                keys = ["/x"]
                """);
        assertThat(resource.fullKeys()).containsExactly("/production/x");
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        assertThatThrownBy(() -> parse("""
                [template]
                src = "a.ftl"
                dest = /tmp/a
                keys = ["/x"]
                """)).isInstanceOf(TemplateResourceException.class)
                .hasMessageStartingWith(FILE + ":3: not valid TOML");
    }

    @Test
    void semanticErrorsNameFileLineAndFix() {
        assertThatThrownBy(() -> parse("""
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                keys = ["/x"]
                check-cmd = "true"
                """)).hasMessageStartingWith(FILE + ":5: unknown field 'check-cmd' in [template]; known fields:")
                .hasMessageContaining("check_cmd");
        assertThatThrownBy(() -> parse("""
                # comment
                [template]
                dest = "/tmp/a"
                keys = ["/x"]
                """)).hasMessage(FILE + ":2: [template] has no src; add src = \"...\"");
        assertThatThrownBy(() -> parse("""
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                keys = "/x"
                """)).hasMessageStartingWith(FILE + ":4: keys must be a non-empty array of strings");
        assertThatThrownBy(() -> parse("""
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                keys = ["/x"]
                mode = "rw-r--r--"
                """)).hasMessage(FILE + ":5: mode 'rw-r--r--' is not a number; write it in octal, like \"0644\"");
        assertThatThrownBy(() -> parse("""
                [template]
                src = "a.ftl"
                dest = "/tmp/a"
                keys = ["/x"]
                uid = "root"
                """)).hasMessage(FILE + ":5: uid must be a non-negative integer (a numeric id)");
        assertThatThrownBy(() -> parse("src = \"a\"\n"))
                .hasMessage(FILE + ":1: unknown table or key 'src'; a template resource has only a [template] table");
    }

    @Test
    void modesParseAsGoDoes() {
        assertThat(FileModes.parse("0644")).isEqualTo(0644);
        assertThat(FileModes.parse("420")).isEqualTo(0644);
        assertThat(FileModes.parse("0x1a4")).isEqualTo(0644);
        assertThat(FileModes.parse("0o600")).isEqualTo(0600);
        assertThatThrownBy(() -> FileModes.parse("077777")).hasMessageContaining("outside 0..07777");
    }

    @Test
    void loaderReportsEveryBadFileAndMissingTemplates(@TempDir Path confdir)
            throws Exception {
        Files.createDirectories(confdir.resolve("conf.d/sub"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.writeString(confdir.resolve("templates/a.ftl"), "a");
        Files.writeString(confdir.resolve("conf.d/a.toml"),
                "[template]\nsrc = \"a.ftl\"\ndest = \"/tmp/a\"\nkeys = [\"/a\"]\n");
        Files.writeString(confdir.resolve("conf.d/sub/b.toml"),
                "[template]\nsrc = \"missing.ftl\"\ndest = \"/tmp/b\"\nkeys = [\"/b\"]\n");
        Files.writeString(confdir.resolve("conf.d/c.toml"), "[template\n");
        var loader = new TemplateResourceLoader(parser);

        assertThatThrownBy(() -> loader.load(confdir))
                .hasMessageContaining("c.toml:1: not valid TOML")
                .hasMessageContaining("b.toml: template 'missing.ftl' not found at");

        Files.delete(confdir.resolve("conf.d/c.toml"));
        Files.writeString(confdir.resolve("templates/missing.ftl"), "b");
        List<TemplateResource> resources = loader.load(confdir);
        assertThat(resources).extracting(TemplateResource::name).containsExactly("a.toml", "sub/b.toml");
    }

    @Test
    void loaderPutsResourcesWithoutACheckFirst(@TempDir Path confdir) throws Exception {
        Files.createDirectories(confdir.resolve("conf.d"));
        Files.createDirectories(confdir.resolve("templates"));
        Files.writeString(confdir.resolve("templates/t.ftl"), "t");
        Files.writeString(confdir.resolve("conf.d/bird.toml"), "[template]\nsrc = \"t.ftl\"\ndest = \"/tmp/bird.cfg\"\n"
                + "keys = [\"/a\"]\ncheck_cmd = \"bird -p -c {{.src}}\"\n");
        Files.writeString(confdir.resolve("conf.d/bird_aggr.toml"),
                "[template]\nsrc = \"t.ftl\"\ndest = \"/tmp/bird_aggr.cfg\"\nkeys = [\"/b\"]\n");
        Files.writeString(confdir.resolve("conf.d/bird_ipam.toml"),
                "[template]\nsrc = \"t.ftl\"\ndest = \"/tmp/bird_ipam.cfg\"\nkeys = [\"/c\"]\n");

        List<TemplateResource> resources = new TemplateResourceLoader(parser).load(confdir);

        assertThat(resources).extracting(TemplateResource::name)
                .containsExactly("bird_aggr.toml", "bird_ipam.toml", "bird.toml");
    }
}
