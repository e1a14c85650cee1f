package io.tabby.confd;

import io.tabby.confd.functions.HostContext;
import io.tabby.confd.processor.Outcome;
import io.tabby.confd.processor.ProcessSettings;
import io.tabby.confd.resource.TemplateResourceException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.platform.exec.ProcessCommandRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabby-confd}: confd's command line ({@code -confdir}, {@code -onetime}, {@code -watch},
 * {@code -interval}, {@code -noop}, {@code -sync-only}, {@code -prefix}, {@code -node}, TLS and auth,
 * {@code -log-level}), single-dash long flags as Go's flag package takes them ({@code --flag} and
 * {@code -flag=value} work too).
 */
@Command(name = "tabby-confd", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Keeps files up to date from etcd with FreeMarker templates, as confd does.")
public final class ConfdMain implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(ConfdMain.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-confdir", "--confdir"}, paramLabel = "DIR", defaultValue = "/etc/confd",
            description = "holds conf.d/*.toml and templates/ (default: ${DEFAULT-VALUE})")
    Path confdir;

    @Option(names = {"-onetime", "--onetime"}, arity = "0..1", description = "process every resource once and exit")
    boolean onetime;

    @Option(names = {"-watch", "--watch"}, arity = "0..1", description = "re-render on every change (debounced)")
    boolean watch;

    @Option(names = {"-interval", "--interval"}, paramLabel = "SECONDS", defaultValue = "600",
            description = "seconds between passes when not watching (default: ${DEFAULT-VALUE})")
    long intervalSeconds;

    @Option(names = {"-noop", "--noop"}, arity = "0..1", description = "render and check, never replace or reload")
    boolean noop;

    @Option(names = {"-sync-only", "--sync-only"}, arity = "0..1",
            description = "replace files without running check_cmd or reload_cmd")
    boolean syncOnly;

    @Option(names = {"-keep-stage-file", "--keep-stage-file"}, arity = "0..1", description = "keep staged files")
    boolean keepStageFile;

    @Option(names = {"-prefix", "--prefix"}, paramLabel = "PREFIX",
            description = "key prefix for every resource, replacing their own")
    String prefix;

    @Option(names = {"-backend", "--backend"}, paramLabel = "NAME", defaultValue = "etcdv3",
            description = "only etcd (v3 API) is supported: etcd or etcdv3")
    String backendName;

    @Option(names = {"-node", "--node"}, paramLabel = "URL",
            description = "etcd endpoint, repeatable (default: http://127.0.0.1:2379)")
    List<String> nodes = new ArrayList<>();

    @Option(names = {"-client-cert", "--client-cert"}, paramLabel = "FILE",
            defaultValue = "${env:CONFD_CLIENT_CERT}", description = "client certificate (PEM)")
    Path clientCert;

    @Option(names = {"-client-key", "--client-key"}, paramLabel = "FILE",
            defaultValue = "${env:CONFD_CLIENT_KEY}", description = "client key (PEM)")
    Path clientKey;

    @Option(names = {"-client-ca-keys", "--client-ca-keys"}, paramLabel = "FILE",
            defaultValue = "${env:CONFD_CLIENT_CAKEYS}", description = "CA certificates of the etcd servers")
    Path clientCaKeys;

    @Option(names = {"-basic-auth", "--basic-auth"}, arity = "0..1", description = "use -username and -password")
    boolean basicAuth;

    @Option(names = {"-username", "--username"}, paramLabel = "USER", description = "etcd user")
    String username;

    @Option(names = {"-password", "--password"}, paramLabel = "PASSWORD", description = "etcd password")
    String password;

    @Option(names = {"-log-level", "--log-level"}, paramLabel = "LEVEL",
            description = "debug, info, warning, error (default: info)")
    String logLevel;

    @Option(names = {"-version", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs with {@code args}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ConfdMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.getCommandSpec().version("tabby-confd " + version());
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        ConfdSettings settings;
        EtcdSettings etcd;
        try {
            LogLevels.apply(logLevel);
            if (!backendName.equals("etcd") && !backendName.equals("etcdv3")) {
                throw new IllegalArgumentException("-backend " + backendName
                        + " is not supported; tabby-confd reads etcd (v3 API) only");
            }
            settings = settings();
            etcd = EtcdFlags.settings(nodes, clientCaKeys, clientCert, clientKey, basicAuth, username, password);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tabby-confd: " + e.getMessage());
            return 2;
        }
        try (Backend backend = EtcdBackend.connect(etcd)) {
            ConfdService service = new ConfdService(settings, backend, HostContext.system(), new ProcessCommandRunner());
            return settings.mode() == RunMode.ONETIME ? runOnce(service) : runForever(service);
        } catch (TemplateResourceException e) {
            LOG.error("cannot load template resources:\n{}", e.getMessage());
            return 2;
        }
    }

    private ConfdSettings settings() {
        RunMode mode = onetime ? RunMode.ONETIME : watch ? RunMode.WATCH : RunMode.INTERVAL;
        ConfdSettings settings = ConfdSettings.of(confdir, mode)
                .withInterval(Duration.ofSeconds(intervalSeconds))
                .withProcess(new ProcessSettings(noop, syncOnly, keepStageFile, ProcessSettings.DEFAULTS.commandTimeout()));
        return prefix == null ? settings : settings.withPrefix(prefix);
    }

    private static int runOnce(ConfdService service) throws InterruptedException {
        try {
            Map<String, Outcome> outcomes = service.runOnce();
            long failed = outcomes.values().stream().filter(Outcome::failed).count();
            if (failed > 0) {
                LOG.error("{} of {} template resources failed: {}", failed, outcomes.size(), outcomes);
                return 1;
            }
            return 0;
        } catch (TimeoutException e) {
            LOG.error("could not read etcd within {}; check -node and the TLS and auth flags",
                    ConfdSettings.DEFAULT_SYNC_TIMEOUT);
            return 1;
        }
    }

    private static int runForever(ConfdService service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            service.close();
            stopped.countDown();
        }));
        service.start();
        stopped.await();
        return 0;
    }

    private static String version() {
        String v = ConfdMain.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
