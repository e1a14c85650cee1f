package io.tabby.confd.birdtemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real BIRD 1.6 accepts every configuration the templates render: for each golden scenario and
 * node, the files are rendered into one directory (bird.cfg includes the others from there) and
 * each template resource's own {@code check_cmd} is run on its file, as confd runs it on the
 * staged file. Both bird.cfg and bird6.cfg have a check, so every rendered file is parsed.
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

    private void check(BirdParser bird, BirdScenario scenario, String node) throws Exception {
        Path dir = work.resolve(scenario.name() + "-" + node);
        Map<String, Path> rendered = TemplatesRenderer.render(scenario, node, dir);
        List<Path> resources;
        try (Stream<Path> list = Files.list(dir.resolve("confd/conf.d"))) {
            resources = list.sorted().toList();
        }
        int checked = 0;
        for (Path toml : resources) {
            String text = Files.readString(toml);
            Matcher check = CHECK_CMD.matcher(text);
            if (!check.find()) {
                continue;
            }
            Matcher dest = DEST.matcher(text);
            assertThat(dest.find()).as("dest in %s", toml).isTrue();
            Path file = Path.of(dest.group(1));
            assertThat(rendered).as("rendered files").containsValue(file);
            String command = check.group(1).replace("{{.src}}", file.toString());
            BirdParser.Result result = bird.run(command, dir);
            assertThat(result.exitCode()).as("%s for %s/%s said:%n%s%n--- %s ---%n%s", command, scenario, node,
                    result.output(), file.getFileName(), Files.readString(file)).isZero();
            checked++;
        }
        assertThat(checked).as("resources with a check_cmd (bird.cfg and bird6.cfg)").isEqualTo(2);
    }
}
