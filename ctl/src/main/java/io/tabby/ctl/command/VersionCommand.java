package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.ClientVersion;
import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.datastore.backend.DatastoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabbyctl version}: the client version, then which etcd the settings point at and whether
 * it answers. An unreachable etcd is reported, not failed on: this command must work without one.
 */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Display the version of tabbyctl, the etcd endpoints it would use and whether etcd answers.")
public final class VersionCommand implements Callable<Integer> {

    @Option(names = "--client", description = "Print the client version only; do not contact etcd.")
    private boolean clientOnly;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;

    public VersionCommand(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Client Version:    " + ClientVersion.version());
        if (clientOnly) {
            return ExitCodes.OK;
        }
        out.println("Datastore:         etcdv3 " + session.settings().describeEndpoints());
        out.flush();
        try {
            long revision = session.backend().currentRevision();
            out.println("Etcd Reachable:    yes (revision " + revision + ")");
        } catch (DatastoreException e) {
            out.println("Etcd Reachable:    no: " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
