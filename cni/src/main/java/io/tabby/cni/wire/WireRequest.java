package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.PluginKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request frame: which plugin ran, its {@code CNI_*} environment and the raw stdin. The agent
 * re-validates it into a {@link CniRequest}, so the wire carries exactly what the runtime gave.
 */
public record WireRequest(PluginKind plugin, Map<String, String> env, String stdin) {
    public WireRequest {
        requireNonNull(plugin, "plugin is null");
        env = Map.copyOf(requireNonNull(env, "env is null"));
        requireNonNull(stdin, "stdin is null");
    }

    /** Keeps only the {@code CNI_*} variables: nothing else of the runtime's environment is sent. */
    public static WireRequest of(PluginKind plugin, Map<String, String> processEnv, String stdin) {
        TreeMap<String, String> cni = new TreeMap<>();
        processEnv.forEach((k, v) -> {
            if (k.startsWith("CNI_") && v != null) {
                cni.put(k, v);
            }
        });
        return new WireRequest(plugin, cni, stdin);
    }
}
