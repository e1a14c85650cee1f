package io.tabby.confd.birdtemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BIRD templates against checked-in expected files: each scenario's keys are rendered for
 * each of its nodes and every file must equal {@code birdtemplates/<scenario>/<node>/<file>}.
 * {@code -Dtabby.regenerateGoldens=true} rewrites the expected files from the templates instead
 * (review the diff before committing it).
 */
class BirdTemplatesGoldenTest {
    static final boolean REGENERATE = Boolean.getBoolean("tabby.regenerateGoldens");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyScenarioRendersItsGoldenFiles() {
        List<BirdScenario> scenarios = BirdScenario.all();
        assertThat(scenarios).as("scenarios under %s", BirdScenario.ROOT).hasSizeGreaterThanOrEqualTo(7);
        return scenarios.stream().flatMap(s -> s.nodes().stream().map(node -> DynamicTest.dynamicTest(
                s.name() + " as " + node, () -> check(s, node))));
    }

    private void check(BirdScenario scenario, String node) throws Exception {
        Map<String, Path> rendered = TemplatesRenderer.render(scenario, node, work.resolve(scenario.name() + "-" + node));
        Path expected = scenario.expectedDir(node);
        if (REGENERATE) {
            regenerate(rendered, expected);
        }
        assertThat(fileNames(expected)).as("expected files in %s", expected).isEqualTo(new TreeSet<>(rendered.keySet()));
        for (var file : rendered.entrySet()) {
            assertThat(Files.readString(file.getValue()))
                    .as("%s/%s/%s (regenerate with -Dtabby.regenerateGoldens=true)", scenario, node, file.getKey())
                    .isEqualTo(Files.readString(expected.resolve(file.getKey())));
        }
    }

    private static void regenerate(Map<String, Path> rendered, Path expected) throws IOException {
        Files.createDirectories(expected);
        for (String stale : fileNames(expected)) {
            if (!rendered.containsKey(stale)) {
                Files.delete(expected.resolve(stale));
            }
        }
        for (var file : rendered.entrySet()) {
            Files.copy(file.getValue(), expected.resolve(file.getKey()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static TreeSet<String> fileNames(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        return names;
    }
}
