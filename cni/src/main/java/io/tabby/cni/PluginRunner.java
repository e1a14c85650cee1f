package io.tabby.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.ResultWriter;
import io.tabby.cni.spec.CniCommand;
import io.tabby.cni.spec.CniEnv;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.CniVersion;
import io.tabby.cni.spec.ConfigParser;
import io.tabby.cni.spec.PluginKind;
import io.tabby.cni.wire.ClientSettings;
import io.tabby.cni.wire.CniClient;
import io.tabby.cni.wire.CniRequest;
import io.tabby.cni.wire.WireRequest;
import io.tabby.cni.wire.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One plugin invocation, as a runtime drives it: environment and stdin in, one JSON document (or
 * nothing) on stdout, exit code 0 or 1. VERSION is answered here; everything else is validated
 * here (so a bad config fails without the agent) and then forwarded. Nothing throws out of
 * {@link #run}: an unexpected exception is printed as a CNI error with code 999, never a stack trace.
 */
public final class PluginRunner {
    /** More than any network config; the agent's frame limit is the real bound. */
    private static final int MAX_STDIN = 1024 * 1024;

    private final PluginKind plugin;
    private final Function<ClientSettings, CniClient> clients;

    public PluginRunner(PluginKind plugin, Function<ClientSettings, CniClient> clients) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.clients = requireNonNull(clients, "clients is null");
    }

    public PluginRunner(PluginKind plugin) {
        this(plugin, CniClient::new);
    }

    public int run(Map<String, String> env, InputStream stdin, PrintStream stdout) {
        return run(env, stdin, stdout, ClientSettings.fromEnv(env));
    }

    /** As {@link #run(Map, InputStream, PrintStream)} with explicit client settings (tests). */
    public int run(Map<String, String> env, InputStream stdin, PrintStream stdout, ClientSettings settings) {
        CniVersion answerVersion = CniVersion.LATEST;
        PluginLog log = PluginLog.none();
        try {
            String input = read(stdin);
            answerVersion = versionOf(input);
            CniEnv cniEnv = CniEnv.parse(env);
            if (cniEnv.command() == CniCommand.VERSION) {
                stdout.println(ResultWriter.INSTANCE.version(answerVersion));
                return 0;
            }
            CniRequest request = CniRequest.parse(plugin, env, input);
            log = new PluginLog(request.config().logFilePath().map(Path::of),
                    request.config().logLevel().filter("debug"::equals).isPresent(), Clock.systemUTC());
            String what = plugin.binaryName() + " " + request.command() + " container="
                    + cniEnv.containerId().orElse("-") + " ifname=" + cniEnv.ifname().orElse("-");
            log.debug(what + " forwarding to " + settings.socket());
            WireResponse response = clients.apply(settings).exchange(WireRequest.of(plugin, env, input));
            return switch (response) {
                case WireResponse.Success s -> succeed(request, s.result(), stdout, log, what);
                case WireResponse.Failure f -> fail(statusAware(request.command(), f.error()), answerVersion,
                        stdout, log, what);
            };
        } catch (CniException e) {
            return fail(e.error(), answerVersion, stdout, log, plugin.binaryName());
        } catch (RuntimeException | Error e) {
            return fail(new CniError(CniError.INTERNAL, "internal error in the " + plugin.binaryName() + " plugin",
                    e.toString()), answerVersion, stdout, log, plugin.binaryName());
        }
    }

    private static int succeed(CniRequest request, Optional<CniResult> result, PrintStream stdout,
                               PluginLog log, String what) {
        if (request.command() == CniCommand.ADD) {
            if (result.isEmpty()) {
                return fail(new CniError(CniError.INTERNAL, "the node agent answered ADD without a result",
                        "the plugin and tabby-node must be the same release"),
                        request.config().cniVersion(), stdout, log, what);
            }
            stdout.println(ResultWriter.INSTANCE.result(result.get(), request.config().cniVersion()));
        }
        log.info(what + " ok");
        return 0;
    }

    private static int fail(CniError error, CniVersion version, PrintStream stdout, PluginLog log, String what) {
        log.error(what + " failed: code " + error.code() + ": " + error.msg()
                + (error.details().isEmpty() ? "" : " (" + error.details() + ")"));
        stdout.println(ResultWriter.INSTANCE.error(error, version));
        return 1;
    }

    /** STATUS has its own codes: an unreachable agent means "plugin not available" (50). */
    private static CniError statusAware(CniCommand command, CniError error) {
        if (command == CniCommand.STATUS && error.code() == CniError.TRY_AGAIN_LATER) {
            return new CniError(CniError.PLUGIN_NOT_AVAILABLE, error.msg(), error.details());
        }
        return error;
    }

    /** The version to answer in: the config's, when it is one we speak; else the latest. */
    private static CniVersion versionOf(String input) {
        try {
            return ConfigParser.INSTANCE.versionText(input).flatMap(CniVersion::parse).orElse(CniVersion.LATEST);
        } catch (CniException e) {
            return CniVersion.LATEST;
        }
    }

    private static String read(InputStream stdin) throws CniException {
        try {
            byte[] bytes = stdin.readNBytes(MAX_STDIN + 1);
            if (bytes.length > MAX_STDIN) {
                throw new CniException(CniError.INVALID_NETWORK_CONFIG, "network config on stdin is too large",
                        "more than " + MAX_STDIN + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CniException(CniError.IO_FAILURE, "could not read stdin", e.toString());
        }
    }
}
