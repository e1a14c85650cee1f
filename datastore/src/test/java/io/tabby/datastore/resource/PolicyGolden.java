package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test inputs under {@code src/test/resources/policy/} and golden outputs under
 * {@code src/test/resources/golden/policy/}; {@code -Dgolden.update=true} rewrites the goldens
 * from the current output (review the diff).
 */
final class PolicyGolden {
    private static final Path INPUTS = Path.of("src/test/resources/policy");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/policy");

    private PolicyGolden() {
    }

    static String input(String name) {
        try {
            return Files.readString(INPUTS.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String name, String actual) {
        Path file = GOLDEN.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (run with -Dgolden.update=true)", file).exists();
            assertThat(actual).as("output vs golden file %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
