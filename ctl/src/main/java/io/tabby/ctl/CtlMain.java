package io.tabby.ctl;

import io.tabby.ctl.command.ApplyCommand;
import io.tabby.ctl.command.CompletionCommand;
import io.tabby.ctl.command.CreateCommand;
import io.tabby.ctl.command.DeleteCommand;
import io.tabby.ctl.command.GetCommand;
import io.tabby.ctl.command.IpamCheckCommand;
import io.tabby.ctl.command.IpamCommand;
import io.tabby.ctl.command.IpamReleaseCommand;
import io.tabby.ctl.command.IpamShowCommand;
import io.tabby.ctl.command.LabelCommand;
import io.tabby.ctl.command.Manifests;
import io.tabby.ctl.command.ReplaceCommand;
import io.tabby.ctl.command.TabbyctlCommand;
import io.tabby.ctl.command.VersionCommand;
import io.tabby.ctl.node.BirdSocketClient;
import io.tabby.ctl.node.NodeCommand;
import io.tabby.ctl.node.NodeStatusCommand;
import io.tabby.ctl.node.ProcessTable;
import io.tabby.ctl.options.CalicoApiConfigReader;
import io.tabby.ctl.options.DatastoreSettingsResolver;
import io.tabby.ctl.options.GlobalOptions;
import io.tabby.ctl.options.LogLevels;
import io.tabby.ctl.output.DryRunPrinter;
import io.tabby.ctl.output.ResourcePrinter;
import io.tabby.ctl.policy.PolicyCommand;
import io.tabby.ctl.policy.PolicyExplainCommand;
import io.tabby.ctl.table.TabWriter;
import io.tabby.ctl.table.TablePrinter;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.datastore.resource.ResourceRenderer;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.RunLast;

/**
 * tabbyctl's entry point and its only wiring point: builds the command tree, the datastore
 * session (connected lazily, only by commands that need etcd) and the exception handler, runs
 * the command and returns the exit code.
 */
public final class CtlMain {

    /** Bounds on every etcd call: an unreachable etcd fails a command within seconds, never hangs it. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** calicoctl's deadline for each line from the BIRD socket. */
    static final Duration BIRD_READ_TIMEOUT = Duration.ofSeconds(2);

    private CtlMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, System.getenv(), args));
    }

    /** Runs tabbyctl against the real etcd the settings point at, reading {@code -f -} from this process's stdin. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return run(new CtlEnvironment(System.in, out, err, env, etcdBackends()), args);
    }

    /** Runs tabbyctl in {@code environment}; the exit code is one of {@link ExitCodes}. */
    public static int run(CtlEnvironment environment, String... args) {
        return run(environment, GlobalOptions.DEFAULT_CONFIG_FILE, args);
    }

    static int run(CtlEnvironment environment, java.nio.file.Path defaultConfigFile, String... args) {
        GlobalOptions globalOptions = new GlobalOptions();
        DatastoreSettingsResolver resolver = new DatastoreSettingsResolver(
                new CalicoApiConfigReader(), defaultConfigFile, REQUEST_TIMEOUT, CONNECT_TIMEOUT);
        try (DatastoreSession session =
                new DatastoreSession(resolver, globalOptions, environment.env(), environment.backends())) {
            CommandLine commandLine = commandLine(environment, globalOptions, session);
            int exitCode = commandLine.execute(args);
            environment.out().flush();
            environment.err().flush();
            return exitCode;
        }
    }

    private static CommandLine commandLine(CtlEnvironment environment, GlobalOptions globalOptions,
            DatastoreSession session) {
        Manifests manifests = new Manifests(environment.stdin());
        ResourceParser parser = new ResourceParser();
        ResourceRenderer renderer = new ResourceRenderer();
        DryRunPrinter dryRunPrinter = new DryRunPrinter(renderer);
        ResourcePrinter resourcePrinter = new ResourcePrinter(new TablePrinter(TabWriter.calicoctl()), renderer);

        CommandLine commandLine = new CommandLine(new TabbyctlCommand(globalOptions));
        commandLine.addSubcommand(new CreateCommand(session, manifests, parser, dryRunPrinter));
        commandLine.addSubcommand(new ReplaceCommand(session, manifests, parser, dryRunPrinter));
        commandLine.addSubcommand(new ApplyCommand(session, manifests, parser, dryRunPrinter));
        commandLine.addSubcommand(new DeleteCommand(session, manifests, parser, dryRunPrinter));
        commandLine.addSubcommand(new GetCommand(session, resourcePrinter));
        commandLine.addSubcommand(new LabelCommand(session));
        commandLine.addSubcommand(new CommandLine(new IpamCommand())
                .addSubcommand(new IpamShowCommand(session))
                .addSubcommand(new IpamCheckCommand(session))
                .addSubcommand(new IpamReleaseCommand(session)));
        commandLine.addSubcommand(new CommandLine(new NodeCommand())
                .addSubcommand(new NodeStatusCommand(ProcessTable.proc(java.nio.file.Path.of("/proc")),
                        new BirdSocketClient(BIRD_READ_TIMEOUT), session::backend, java.time.Clock.systemDefaultZone())));
        commandLine.addSubcommand(new CommandLine(new PolicyCommand()).addSubcommand(new PolicyExplainCommand(session)));
        commandLine.addSubcommand(new VersionCommand(session));
        commandLine.addSubcommand(new CompletionCommand());

        CtlExceptionHandler handler = new CtlExceptionHandler(session);
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setExecutionStrategy(parseResult -> {
            LogLevels.apply(globalOptions.logLevel());
            return new RunLast().execute(parseResult);
        });
        documentExitCodes(commandLine);
        return commandLine;
    }

    private static void documentExitCodes(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + ExitCodes.OK, "Success.");
        codes.put(" " + ExitCodes.FAILURE, "Failure: bad input, datastore unreachable or refusing, resource missing or in the way.");
        codes.put(" " + ExitCodes.USAGE, "Wrong command line: unknown option, missing argument.");
        CommandSpec spec = commandLine.getCommandSpec();
        if (spec.usageMessage().exitCodeList().isEmpty()) { // a command may document its own
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            documentExitCodes(sub);
        }
    }

    /** The real datastore: jetcd-backed etcd. */
    public static BackendFactory etcdBackends() {
        return EtcdBackend::connect;
    }
}
