package io.tabby.ctl.command;

import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.output.DryRunPrinter;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.datastore.resource.WriteResult;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tabbyctl apply -f FILE}. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply resources by file, directory or stdin: create each one that does not exist, replace each one that does.",
        footer = {
            "",
            "Examples:",
            "  tabbyctl apply -f pools.yaml",
            "  cat pools.yaml | tabbyctl apply -f -",
            "  tabbyctl apply -f pools.yaml --dry-run",
        })
public final class ApplyCommand extends WriteCommand {

    public ApplyCommand(DatastoreSession session, Manifests manifests, ResourceParser parser, DryRunPrinter dryRunPrinter) {
        super(session, manifests, parser, dryRunPrinter);
    }

    @Override
    Verb verb() {
        return Verb.APPLY;
    }

    @Override
    List<WriteResult> write(ResourceClient client, List<Resource> resources, boolean dryRun) {
        return client.apply(resources, dryRun);
    }
}
