package io.tabby.testkit.host;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Checks the host for what a test needs; see the package documentation for the skip rule. */
public final class HostRequirements {
    public static final String REQUIRE_ALL_VARIABLE = "TABBY_REQUIRE_ALL";

    /** Where root's tools live even when the test's PATH lacks them. */
    private static final List<Path> SYSTEM_DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/sbin"));

    private final boolean requireAll;
    private final List<Path> searchPath;
    private final Supplier<String> uid;

    HostRequirements(boolean requireAll, List<Path> searchPath, Supplier<String> uid) {
        this.requireAll = requireAll;
        this.searchPath = List.copyOf(searchPath);
        this.uid = requireNonNull(uid, "uid is null");
    }

    /** Reads {@code TABBY_REQUIRE_ALL} and {@code PATH} from {@code environment}. */
    public static HostRequirements of(Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        List<Path> path = new ArrayList<>(Arrays.stream(environment.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(Path::of).toList());
        SYSTEM_DIRECTORIES.stream().filter(dir -> !path.contains(dir)).forEach(path::add);
        return new HostRequirements("1".equals(environment.get(REQUIRE_ALL_VARIABLE)), path, HostRequirements::processUid);
    }

    public static HostRequirements fromSystem() {
        return of(System.getenv());
    }

    /** Whether a missing requirement fails rather than skips. */
    public boolean requireAll() {
        return requireAll;
    }

    /** Skips (or fails) unless the test runs as root; {@code why} says what needs it. */
    public void requireRoot(String why) {
        String current = uid.get();
        if (!"0".equals(current)) {
            unavailable(why + " needs root (id -u is " + current + ")");
        }
    }

    /** Skips (or fails) unless every program is installed; {@code installHint} says how to get them. */
    public void requirePrograms(String installHint, String... programs) {
        for (String program : programs) {
            if (which(program).isEmpty()) {
                unavailable("'" + program + "' is not installed (" + installHint + ")");
            }
        }
    }

    /** The executable {@code program} in the first search directory that has it. */
    public Optional<Path> which(String program) {
        return searchPath.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    /** Ends the test: a skip with {@code reason}, or a failure under {@code TABBY_REQUIRE_ALL=1}. */
    public void unavailable(String reason) {
        if (requireAll) {
            Assertions.fail(reason + "; failing because " + REQUIRE_ALL_VARIABLE + "=1");
        }
        Assumptions.abort("skipped: " + reason);
    }

    private static String processUid() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            if (!id.waitFor(10, TimeUnit.SECONDS)) {
                id.destroyForcibly();
                return "unknown (id -u did not answer)";
            }
            return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }
}
