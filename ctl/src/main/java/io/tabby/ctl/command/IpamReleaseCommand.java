package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.datastore.model.IpAddr;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tabbyctl ipam release --ip=IP}: frees one address, whoever holds it. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {
            "Release an address from IPAM, whoever holds it; it can then be assigned to any workload.",
            "This does not remove the address from a workload still using it: use it only to clean up"
                    + " addresses of workloads that were not removed cleanly (see 'tabbyctl ipam check').",
        },
        footer = {
            "",
            "Example:",
            "  tabbyctl ipam release --ip=192.168.0.3",
        })
public final class IpamReleaseCommand implements Callable<Integer> {

    @Option(names = "--ip", paramLabel = "IP", required = true, converter = IpAddrConverter.class,
            description = "The address to release.")
    private IpAddr ip;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;

    public IpamReleaseCommand(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Integer call() {
        Set<IpAddr> notAllocated = session.ipam().releaseIps(Set.of(ip));
        if (!notAllocated.isEmpty()) {
            throw new CtlException("IP address " + ip + " is not assigned; nothing was released."
                    + " Check the address with 'tabbyctl ipam show --ip=" + ip + "'.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Successfully released IP address " + ip);
        out.flush();
        return ExitCodes.OK;
    }
}
