package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.ResultReader;
import io.tabby.cni.spec.CniCommand;
import io.tabby.cni.spec.CniEnv;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.ConfigParser;
import io.tabby.cni.spec.NetworkConfig;
import io.tabby.cni.spec.PluginKind;
import java.util.Map;
import java.util.Optional;

/**
 * One validated CNI request as the {@link CniService} receives it: which plugin was run, the
 * environment, the network config and its {@code prevResult} read into the result model.
 */
public record CniRequest(PluginKind plugin, CniEnv env, NetworkConfig config, Optional<CniResult> prevResult) {
    public CniRequest {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(env, "env is null");
        requireNonNull(config, "config is null");
        requireNonNull(prevResult, "prevResult is null");
        if (env.command() == CniCommand.VERSION) {
            throw new IllegalArgumentException("VERSION is answered by the plugin itself, never forwarded");
        }
    }

    public CniCommand command() {
        return env.command();
    }

    /** Parses and validates environment and stdin; the same checks run in the plugin and the agent. */
    public static CniRequest parse(PluginKind plugin, Map<String, String> env, String stdin) throws CniException {
        CniEnv cniEnv = CniEnv.parse(env);
        if (cniEnv.command() == CniCommand.VERSION) {
            throw CniException.invalidEnv("CNI_COMMAND VERSION is not forwarded",
                    "the plugin answers VERSION itself");
        }
        NetworkConfig config = ConfigParser.INSTANCE.parse(stdin, plugin, cniEnv.command());
        Optional<CniResult> prev = Optional.empty();
        if (config.prevResult().isPresent()) {
            try {
                prev = Optional.of(ResultReader.INSTANCE.read(config.prevResult().get(), "prevResult",
                        CniError.INVALID_NETWORK_CONFIG));
            } catch (CniException e) {
                // DEL must clean up whatever it is given: a DEL that fails is retried by the kubelet
                // forever, leaving the pod Terminating. The agent releases by handle without it.
                if (cniEnv.command() != CniCommand.DEL) {
                    throw e;
                }
            }
        }
        if (cniEnv.command() == CniCommand.CHECK && prev.isEmpty()) {
            throw CniException.invalidConfig("prevResult: missing",
                    "CHECK verifies the result of an earlier ADD; the runtime must pass it as prevResult");
        }
        return new CniRequest(plugin, cniEnv, config, prev);
    }
}
