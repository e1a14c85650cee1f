package io.tabby.confd.functions;

import static java.util.Objects.requireNonNull;

import java.time.InstantSource;
import java.util.Map;

/**
 * What templates may know about the host: the environment confd started with (a copy, so a render
 * never sees it change), a clock for {@code datetime}, and name resolution.
 */
public record HostContext(Map<String, String> environment, InstantSource clock, HostLookup lookup) {
    public HostContext {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(clock, "clock is null");
        requireNonNull(lookup, "lookup is null");
    }

    /** This process's environment and clock, and the system resolver. */
    public static HostContext system() {
        return new HostContext(System.getenv(), InstantSource.system(), new SystemHostLookup());
    }
}
