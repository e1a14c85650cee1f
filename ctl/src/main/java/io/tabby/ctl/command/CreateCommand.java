package io.tabby.ctl.command;

import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.output.DryRunPrinter;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.datastore.resource.WriteResult;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tabbyctl create -f FILE}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create resources by file, directory or stdin; fails, writing nothing, if any of them exists already.",
        footer = {
            "",
            "Examples:",
            "  tabbyctl create -f pools.yaml",
            "  cat pools.yaml | tabbyctl create -f -",
            "  tabbyctl create -f pools.yaml --dry-run",
        })
public final class CreateCommand extends WriteCommand {

    public CreateCommand(DatastoreSession session, Manifests manifests, ResourceParser parser, DryRunPrinter dryRunPrinter) {
        super(session, manifests, parser, dryRunPrinter);
    }

    @Override
    Verb verb() {
        return Verb.CREATE;
    }

    @Override
    List<WriteResult> write(ResourceClient client, List<Resource> resources, boolean dryRun) {
        return client.create(resources, dryRun);
    }
}
