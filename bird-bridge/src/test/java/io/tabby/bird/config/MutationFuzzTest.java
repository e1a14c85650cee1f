package io.tabby.bird.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the rendered goldens: whatever the bytes, the parser either returns a
 * configuration or throws {@link BirdConfigException} with a position, never anything else.
 */
class MutationFuzzTest {

    private static final int ROUNDS = 4000;
    private static final String[] SNIPPETS = {"{", "}", ";", "\"", "/*", "*/", "#", "(", ")", "[", "]", ",", "-",
        "+", "!", "&&", "||", "~", "=", "::", "/", "/33", "999", "4294967296", "0", "include \"bird.cfg\";",
        "include \"missing.cfg\";", "include \"\";", " from ", " bgp ", " as ", "protocol ", "filter ", "function ",
        "if ", " then ", " else ", "accept;", "reject;", "defined(", "net", "\u0000", "\u00e9", "\t", "\n",
        "1.2.3.4", "fd00::1", "10.0.0.0/8{9,8}", "1.2.3.4/", "%", "@", "\\", "template bgp bgp_template {}"};

    @Test
    void mutatedGoldensOnlyEverFailWithTheParsersException() throws IOException {
        Random random = new Random(0xB12DL);
        List<Path> roots = GoldenConfigs.roots();
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path root = roots.get(random.nextInt(roots.size()));
            Map<String, String> files = filesBeside(root);
            List<String> names = new ArrayList<>(files.keySet());
            names.sort(null);
            String victim = names.get(random.nextInt(names.size()));
            String mutated = files.get(victim);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutated = mutate(mutated, random);
            }
            files.put(victim, mutated);
            try {
                new BirdConfigParser(new InMemoryFiles(files), GoldenConfigs.familyOf(root)).parse(Path.of(root.getFileName().toString()));
                accepted++;
            } catch (BirdConfigException e) {
                assertThat(e.getMessage()).matches("(?s)[^:]+\\.cfg:\\d+:\\d+: .+");
                rejected++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + " (" + root + ", mutated " + victim + ") threw " + e + "\n" + mutated, e);
            }
        }
        assertThat(accepted).as("some mutations are harmless (comments, blanks)").isGreaterThan(0);
        assertThat(rejected).as("most mutations break the configuration").isGreaterThan(ROUNDS / 4);
    }

    private static String mutate(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
            case 1 -> text.substring(0, at) + SNIPPETS[random.nextInt(SNIPPETS.length)] + text.substring(at);
            case 2 -> {
                int end = Math.min(text.length(), at + random.nextInt(40));
                yield text.substring(0, end) + text.substring(at, end) + text.substring(end);
            }
            case 3 -> text.substring(0, at);
            default -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(Math.min(text.length(), at + 1));
        };
    }

    private static Map<String, String> filesBeside(Path root) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> list = Files.list(root.getParent())) {
            for (Path p : list.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }
}
