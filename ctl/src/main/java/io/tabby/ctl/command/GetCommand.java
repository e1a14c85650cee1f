package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.options.OutputFormat;
import io.tabby.ctl.output.ResourcePrinter;
import io.tabby.ctl.table.TableContext;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceNotFoundException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabbyctl get KIND [NAME...] [-o ps|wide|yaml|json|name]}. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Display one or many resources of a kind.",
        footer = {
            "",
            "Kinds (case-insensitive, singular, plural or short): ippool (ipp, pool), node (no),"
                    + " bgppeer (bgpp, bp), bgpconfiguration (bgpconfig), felixconfiguration (felixconfig),"
                    + " networkpolicy (policy, np, netpol), globalnetworkpolicy (gnp), profile (pro),"
                    + " hostendpoint (hep), workloadendpoint (wep).",
            "",
            "Examples:",
            "  tabbyctl get ippools",
            "  tabbyctl get nodes -o wide",
            "  tabbyctl get ippool default-ipv4-ippool -o yaml",
            "  tabbyctl get networkpolicy -n shop",
            "  tabbyctl get wep --all-namespaces -o wide",
        })
public final class GetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = KindCandidates.class,
            description = "The resource kind.")
    private String kind;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Names to show; all of the kind when none.")
    private List<String> names = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of NetworkPolicy and WorkloadEndpoint resources (default: default).")
    private String namespace = "default";

    @Option(names = {"-A", "--all-namespaces"},
            description = "List NetworkPolicy and WorkloadEndpoint resources of every namespace.")
    private boolean allNamespaces;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
            description = "ps (default), wide, yaml, json or name.")
    private OutputFormat output = OutputFormat.PS;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;
    private final ResourcePrinter printer;

    public GetCommand(DatastoreSession session, ResourcePrinter printer) {
        this.session = requireNonNull(session, "session is null");
        this.printer = requireNonNull(printer, "printer is null");
    }

    @Override
    public Integer call() {
        ResourceKind resourceKind = KindArgument.parse(kind);
        ResourceClient client = session.resources();
        TableContext context = new GlobalAsLookup(client);
        PrintWriter out = spec.commandLine().getOut();
        if (names.isEmpty()) {
            boolean every = allNamespaces || !resourceKind.namespaced();
            out.print(printer.listed(output, every ? client.list(resourceKind) : client.list(resourceKind, namespace),
                    context, allNamespaces));
            out.flush();
            return ExitCodes.OK;
        }
        if (allNamespaces) {
            throw new ParameterException(spec.commandLine(),
                    "--all-namespaces lists a whole kind; give -n NS to get resources by name");
        }
        List<Resource> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                found.add(client.get(resourceKind, namespace, name));
            } catch (ResourceNotFoundException e) {
                missing.add(e.getMessage());
            }
        }
        if (!found.isEmpty()) {
            out.print(printer.named(output, resourceKind, found, context));
            out.flush();
        }
        if (!missing.isEmpty()) {
            throw new CtlException("Failed to get resources: " + String.join("; ", missing));
        }
        return ExitCodes.OK;
    }

    /** Reads the cluster AS once, and only if a cell needs it. */
    private static final class GlobalAsLookup implements TableContext {
        private final ResourceClient client;
        private AsNumber cached;

        GlobalAsLookup(ResourceClient client) {
            this.client = client;
        }

        @Override
        public AsNumber globalAsNumber() {
            if (cached == null) {
                cached = client.globalAsNumber();
            }
            return cached;
        }
    }
}
