package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CNI_ARGS}: {@code KEY=VALUE} pairs separated by {@code ;}. Unknown keys are kept and
 * tolerated, as Calico tolerates them ({@code IgnoreUnknown=1} is the runtime's usual hint).
 */
public record CniArgs(Map<String, String> values) {
    public static final CniArgs EMPTY = new CniArgs(Map.of());
    public static final String POD_NAMESPACE = "K8S_POD_NAMESPACE";
    public static final String POD_NAME = "K8S_POD_NAME";

    public CniArgs {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }

    /** Parses {@code text}; empty segments (a trailing {@code ;}) are allowed. */
    public static CniArgs parse(String text) throws CniException {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(";", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw CniException.invalidEnv("CNI_ARGS: '" + pair + "' is not KEY=VALUE",
                        "CNI_ARGS must be KEY=VALUE pairs separated by ';', e.g. "
                                + "K8S_POD_NAMESPACE=default;K8S_POD_NAME=nginx");
            }
            String key = pair.substring(0, eq);
            if (values.putIfAbsent(key, pair.substring(eq + 1)) != null) {
                throw CniException.invalidEnv("CNI_ARGS: key '" + key + "' is given twice",
                        "give each CNI_ARGS key once");
            }
        }
        return new CniArgs(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    /** The pod, when both {@code K8S_POD_NAMESPACE} and {@code K8S_POD_NAME} are given. */
    public Optional<PodRef> pod() {
        return get(POD_NAMESPACE).flatMap(ns -> get(POD_NAME).map(name -> new PodRef(ns, name)));
    }
}
