package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.output.DryRunPrinter;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceException;
import io.tabby.datastore.resource.ResourceInput;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.datastore.resource.WriteResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code apply}, {@code create} and {@code replace} share: read {@code -f}, parse and validate
 * every document (any problem anywhere rejects the whole input before anything is written),
 * write through the resources API, and report as calicoctl does, or with {@code --dry-run} print
 * what would be written.
 */
abstract class WriteCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "YAML or JSON file with one or more resources (documents separated by ---),"
                    + " a directory of such files, or - for standard input.")
    private String filename;

    @Option(names = "--dry-run",
            description = "Validate and check against the datastore, print the resources and the exact etcd keys"
                    + " and values that would be written, and write nothing.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;
    private final Manifests manifests;
    private final ResourceParser parser;
    private final DryRunPrinter dryRunPrinter;

    WriteCommand(DatastoreSession session, Manifests manifests, ResourceParser parser, DryRunPrinter dryRunPrinter) {
        this.session = requireNonNull(session, "session is null");
        this.manifests = requireNonNull(manifests, "manifests is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.dryRunPrinter = requireNonNull(dryRunPrinter, "dryRunPrinter is null");
    }

    abstract Verb verb();

    abstract List<WriteResult> write(ResourceClient client, List<Resource> resources, boolean dryRun);

    @Override
    public Integer call() {
        List<ResourceInput> inputs = manifests.read(filename);
        List<Resource> resources = parser.parse(inputs);
        if (resources.isEmpty()) {
            throw Manifests.noResources(inputs.size() == 1 ? inputs.getFirst().sourceName() : filename);
        }
        List<WriteResult> results;
        try {
            results = write(session.resources(), resources, dryRun);
        } catch (ResourceException e) {
            throw WriteReport.failure(verb(), resources, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.print(dryRunPrinter.render(results));
            out.println(WriteReport.dryRunSummary(verb(), resources));
        } else {
            out.println(WriteReport.success(verb(), resources));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
