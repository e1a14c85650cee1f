package io.tabby.confd.birdtemplates;

import io.tabby.testkit.host.HostRequirements;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the template resources' check commands ({@code bird -p -c {{.src}}}, {@code bird6 -p ...})
 * with real BIRD 1.6. When BIRD is not installed the test is skipped with the reason, or fails
 * under {@code TABBY_REQUIRE_ALL=1}, as the other tests that need a host tool do.
 */
final class BirdParser {
    private final Map<String, String> environment;

    BirdParser(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Skips (or fails under TABBY_REQUIRE_ALL=1) unless every program is on PATH or in /usr/sbin. */
    void require(String... programs) {
        HostRequirements.of(environment).requirePrograms("apt-get install bird: BIRD 1.6", programs);
    }

    /** The result of {@code sh -c command} with BIRD's directories on PATH; bounded to 30 s. */
    Result run(String command, Path workingDir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(workingDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", searchPath());
        Process process = builder.start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                return new Result(-1, "timed out after 30 s: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }

    private String searchPath() {
        List<String> dirs = new ArrayList<>(Arrays.asList(environment.getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/sbin");
        dirs.add("/sbin");
        return String.join(File.pathSeparator, dirs);
    }

    record Result(int exitCode, String output) {}
}
