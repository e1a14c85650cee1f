package io.tabby.confd.birdtemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real BIRD 1.6 accepts every configuration the templates render: for each golden scenario and
 * node, the files are rendered into one directory (bird.cfg includes the others from there) and
 * each template resource's own {@code check_cmd} is run on its file, as confd runs it on the
 * staged file. Every resource has a check (a fragment's parses bird.cfg or bird6.cfg with the
 * fragment in place), so every rendered file is parsed.
 * A negative control proves the check catches what BIRD rejects.
 */
class BirdTemplatesParseIT {
    private static final Pattern CHECK_CMD = Pattern.compile("(?m)^check_cmd\\s*=\\s*\"(.*)\"\\s*$");
    private static final Pattern DEST = Pattern.compile("(?m)^dest\\s*=\\s*\"(.*)\"\\s*$");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> birdAcceptsEveryRenderedConfig() {
        BirdParser bird = new BirdParser(System.getenv());
        return BirdScenario.all().stream().flatMap(s -> s.nodes().stream().map(node -> DynamicTest.dynamicTest(
                s.name() + " as " + node, () -> {
                    bird.require("bird", "bird6");
                    check(bird, s, node);
                })));
    }

    @Test
    void aCustomFilterBirdRejectsFailsTheCheckOfBirdCfg() throws Exception {
        BirdParser bird = new BirdParser(System.getenv());
        bird.require("bird");
        var scenario = new BirdScenario("custom-filter-rejected", work, Map.of(
                "/calico/bgp/v1/host/node1/ip_addr_v4", "10.0.0.1",
                "/calico/bgp/v1/global/custom_filters/v4/typo", "if ( net ~ 10.96.0.0/12 ) then { acept; }"),
                List.of("node1"), Map.of());
        Path dir = work.resolve("node1");
        TemplatesRenderer.render(scenario, "node1", dir);

        List<Check> checks = runChecks(bird, dir);

        Check birdCfg = checks.stream().filter(c -> c.file().endsWith("bird.cfg")).findFirst().orElseThrow();
        assertThat(birdCfg.result().exitCode()).as("%s said: %s", birdCfg.command(), birdCfg.result().output())
                .isNotZero();
        assertThat(birdCfg.result().output()).contains("custom_filters.cfg");
        Check fragment = checks.stream().filter(c -> c.file().endsWith("custom_filters.cfg")).findFirst().orElseThrow();
        assertThat(fragment.result().exitCode()).as("the fragment's own check: %s", fragment.result().output())
                .isNotZero();
        assertThat(fragment.result().output()).contains("custom_filters.cfg:");
    }

    private void check(BirdParser bird, BirdScenario scenario, String node) throws Exception {
        Path dir = work.resolve(scenario.name() + "-" + node);
        Map<String, Path> rendered = TemplatesRenderer.render(scenario, node, dir);
        List<Check> checks = runChecks(bird, dir);
        for (Check check : checks) {
            assertThat(rendered).as("rendered files").containsValue(check.file());
            assertThat(check.result().exitCode()).as("%s for %s/%s said:%n%s%n--- %s ---%n%s", check.command(),
                    scenario, node, check.result().output(), check.file().getFileName(),
                    Files.readString(check.file())).isZero();
        }
        assertThat(checks).as("every resource has a check_cmd (the fragments' parse bird.cfg/bird6.cfg with them)")
                .hasSize(8);
    }

    /** Runs every rewritten template resource's check_cmd on its rendered dest, in file-name order. */
    private static List<Check> runChecks(BirdParser bird, Path dir) throws Exception {
        List<Path> resources;
        try (Stream<Path> list = Files.list(dir.resolve("confd/conf.d"))) {
            resources = list.sorted().toList();
        }
        List<Check> checks = new ArrayList<>();
        for (Path toml : resources) {
            String text = Files.readString(toml);
            Matcher check = CHECK_CMD.matcher(text);
            if (!check.find()) {
                continue;
            }
            Matcher dest = DEST.matcher(text);
            assertThat(dest.find()).as("dest in %s", toml).isTrue();
            Path file = Path.of(dest.group(1));
            String command = check.group(1).replace("{{.src}}", file.toString());
            checks.add(new Check(command, file, bird.run(command, dir)));
        }
        return checks;
    }

    private record Check(String command, Path file, BirdParser.Result result) {}
}
