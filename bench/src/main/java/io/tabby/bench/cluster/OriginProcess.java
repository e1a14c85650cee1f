package io.tabby.bench.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One process of the origin node, started as {@code ip netns exec <ns> env ... <program>}: {@code ip}
 * and {@code env} exec the program, so {@code process}'s PID is the program's own.
 *
 * @param name what the tables call it ({@code tabby-node}, {@code bird 1.6}, ...)
 * @param process the running program
 * @param log where its stdout and stderr go
 */
record OriginProcess(String name, Process process, Path log) {
    OriginProcess {
        requireNonNull(name, "name is null");
        requireNonNull(process, "process is null");
        requireNonNull(log, "log is null");
    }

    long pid() {
        return process.pid();
    }
}
