package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.output.DryRunPrinter;
import io.tabby.datastore.resource.PartialWriteException;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceException;
import io.tabby.datastore.resource.ResourceInput;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceNotFoundException;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.datastore.resource.WriteResult;
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

/**
 * {@code tabbyctl delete (-f FILE | KIND NAME...)}. Every named resource is looked up before any is
 * deleted, so a typo in the third name deletes nothing.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete resources named by file, directory or stdin, or by KIND and NAME.",
        footer = {
            "",
            "Examples:",
            "  tabbyctl delete ippool pool1 pool2",
            "  tabbyctl delete -f pools.yaml",
            "  tabbyctl delete node node1 --dry-run",
            "  tabbyctl delete networkpolicy allow-web -n shop",
        })
public final class DeleteCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
            description = "YAML or JSON file naming the resources to delete, a directory of such files, or - for stdin.")
    private String filename;

    @Parameters(paramLabel = "KIND NAME", completionCandidates = KindCandidates.class,
            description = "The kind, then one or more names (instead of -f).")
    private List<String> kindAndNames = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of the NetworkPolicy or WorkloadEndpoint resources named (default: default).")
    private String namespace = "default";

    @Option(names = {"-s", "--skip-not-exists"}, description = "Treat resources that do not exist as deleted.")
    private boolean skipNotExists;

    @Option(names = "--dry-run",
            description = "Check, print the resources and the exact etcd keys that would be deleted, and delete nothing.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;
    private final Manifests manifests;
    private final ResourceParser parser;
    private final DryRunPrinter dryRunPrinter;

    public DeleteCommand(DatastoreSession session, Manifests manifests, ResourceParser parser, DryRunPrinter dryRunPrinter) {
        this.session = requireNonNull(session, "session is null");
        this.manifests = requireNonNull(manifests, "manifests is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.dryRunPrinter = requireNonNull(dryRunPrinter, "dryRunPrinter is null");
    }

    @Override
    public Integer call() {
        if (filename != null && !kindAndNames.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give either -f FILE or KIND NAME..., not both");
        }
        if (filename == null && kindAndNames.size() < 2) {
            throw new ParameterException(spec.commandLine(), kindAndNames.isEmpty()
                    ? "Missing what to delete: give -f FILE or KIND NAME..."
                    : "Missing NAME: give one or more names of the " + kindAndNames.getFirst() + " to delete");
        }
        ResourceClient client = session.resources();
        List<Resource> targets = filename != null ? fromFile(client) : byName(client);
        List<WriteResult> results;
        try {
            results = filename != null ? client.delete(targets, dryRun) : deleteEach(client, targets);
        } catch (ResourceException e) {
            throw WriteReport.failure(Verb.DELETE, targets, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.print(dryRunPrinter.render(results));
            out.println(WriteReport.dryRunSummary(Verb.DELETE, targets));
        } else {
            out.println(WriteReport.success(Verb.DELETE, targets));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<Resource> fromFile(ResourceClient client) {
        List<ResourceInput> inputs = manifests.read(filename);
        List<Resource> resources = parser.parse(inputs);
        if (resources.isEmpty()) {
            throw Manifests.noResources(inputs.size() == 1 ? inputs.getFirst().sourceName() : filename);
        }
        if (!skipNotExists) {
            return resources;
        }
        return resources.stream().filter(resource -> exists(client, resource)).toList();
    }

    /** Looks every name up first: a missing one fails the command before anything is deleted. */
    private List<Resource> byName(ResourceClient client) {
        ResourceKind kind = KindArgument.parse(kindAndNames.getFirst());
        List<Resource> found = new ArrayList<>();
        for (String name : kindAndNames.subList(1, kindAndNames.size())) {
            try {
                found.add(client.get(kind, namespace, name));
            } catch (ResourceNotFoundException e) {
                if (!skipNotExists) {
                    throw new CtlException("Failed to delete '" + kind.displayName() + "' resource: " + e.getMessage()
                            + ". Nothing was deleted (use --skip-not-exists to ignore missing resources).", e);
                }
            }
        }
        return found;
    }

    private List<WriteResult> deleteEach(ResourceClient client, List<Resource> targets) {
        List<WriteResult> done = new ArrayList<>();
        for (Resource target : targets) {
            try {
                done.add(client.delete(target.kind(), target.namespace(), target.name(), dryRun));
            } catch (ResourceException e) {
                if (done.isEmpty()) {
                    throw e;
                }
                throw new PartialWriteException(done, targets.size(), e);
            }
        }
        return done;
    }

    private static boolean exists(ResourceClient client, Resource resource) {
        try {
            client.get(resource.kind(), resource.namespace().isEmpty() && resource.kind().namespaced() ? "default"
                    : resource.namespace(), resource.name());
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
