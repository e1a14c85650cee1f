package io.tabby.ctl.command;

import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.output.DryRunPrinter;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.datastore.resource.WriteResult;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tabbyctl replace -f FILE}. */
@Command(name = "replace", mixinStandardHelpOptions = true,
        description = "Replace resources by file, directory or stdin; fails, writing nothing, if any of them does not exist.",
        footer = {
            "",
            "Examples:",
            "  tabbyctl replace -f pools.yaml",
            "  cat pools.yaml | tabbyctl replace -f -",
            "  tabbyctl replace -f pools.yaml --dry-run",
        })
public final class ReplaceCommand extends WriteCommand {

    public ReplaceCommand(DatastoreSession session, Manifests manifests, ResourceParser parser, DryRunPrinter dryRunPrinter) {
        super(session, manifests, parser, dryRunPrinter);
    }

    @Override
    Verb verb() {
        return Verb.REPLACE;
    }

    @Override
    List<WriteResult> write(ResourceClient client, List<Resource> resources, boolean dryRun) {
        return client.replace(resources, dryRun);
    }
}
