package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * What the environment asks of the test run: external etcd endpoints ({@code TABBY_TEST_ETCD})
 * and whether a missing tool fails the run instead of skipping ({@code TABBY_REQUIRE_ALL=1}).
 *
 * @param externalEndpoints the endpoints of an etcd someone else runs, if any
 * @param requireAll whether every "skipped: missing X" must become a failure
 * @param searchPath the directories of {@code PATH}, where tools are looked up
 */
record TestEnvironment(Optional<List<String>> externalEndpoints, boolean requireAll, List<Path> searchPath) {

    static final String EXTERNAL_ETCD_VARIABLE = "TABBY_TEST_ETCD";
    static final String REQUIRE_ALL_VARIABLE = "TABBY_REQUIRE_ALL";

    TestEnvironment {
        requireNonNull(externalEndpoints, "externalEndpoints is null");
        externalEndpoints = externalEndpoints.map(List::copyOf);
        searchPath = List.copyOf(requireNonNull(searchPath, "searchPath is null"));
    }

    static TestEnvironment of(Map<String, String> env) {
        Optional<List<String>> endpoints = Optional.ofNullable(env.get(EXTERNAL_ETCD_VARIABLE))
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .filter(list -> !list.isEmpty());
        List<Path> searchPath = Arrays.stream(env.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new TestEnvironment(endpoints, "1".equals(env.get(REQUIRE_ALL_VARIABLE)), searchPath);
    }

    static TestEnvironment fromSystem() {
        return of(System.getenv());
    }

    /** The executable {@code name} in the first {@code PATH} directory that has it. */
    Optional<Path> which(String name) {
        return searchPath.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * The exception for "this test cannot run here": a skip (aborted test) normally, a failure
     * when the run must exercise everything.
     */
    RuntimeException unavailable(String reason) {
        if (requireAll) {
            return new IllegalStateException(reason + " (" + REQUIRE_ALL_VARIABLE + "=1 makes this a failure)");
        }
        return new TestAbortedException(reason);
    }
}
