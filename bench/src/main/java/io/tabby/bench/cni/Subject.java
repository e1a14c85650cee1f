package io.tabby.bench.cni;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * One plugin under measurement.
 *
 * @param name the row name in the table
 * @param executable the plugin binary (or launcher) the runtime would exec
 * @param config the network config JSON written to its stdin
 * @param env extra environment beside the CNI variables
 */
record Subject(String name, Path executable, String config, Map<String, String> env) {
    Subject {
        requireNonNull(name, "name is null");
        requireNonNull(executable, "executable is null");
        requireNonNull(config, "config is null");
        env = Map.copyOf(requireNonNull(env, "env is null"));
    }
}
