package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.ipam.AddressOwner;
import io.tabby.ctl.ipam.IpamUsage;
import io.tabby.ctl.ipam.UsageTable;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.ipam.impl.IpamStore;
import io.tabby.ipam.impl.Versioned;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tabbyctl ipam show [--show-blocks | --ip=IP]}: address usage per pool and block, or one address's owner. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show how many addresses each IP pool (and block) has in use, or who holds one address.",
        footer = {
            "",
            "Examples:",
            "  tabbyctl ipam show",
            "  tabbyctl ipam show --show-blocks",
            "  tabbyctl ipam show --ip=192.168.0.3",
        })
public final class IpamShowCommand implements Callable<Integer> {

    @Option(names = "--ip", paramLabel = "IP", converter = IpAddrConverter.class,
            description = "Report whether this address is in use, and its handle and attributes.")
    private IpAddr ip;

    @Option(names = "--show-blocks", description = "Show each block under its pool as well.")
    private boolean showBlocks;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;

    public IpamShowCommand(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Integer call() {
        if (ip != null && showBlocks) {
            throw new ParameterException(spec.commandLine(), "Give either --ip or --show-blocks, not both");
        }
        IpamStore store = new IpamStore(session.backend());
        PrintWriter out = spec.commandLine().getOut();
        if (ip != null) {
            List<AllocationBlock> blocks = blocks(store, ip.family());
            out.print(AddressOwner.find(ip, blocks).map(AddressOwner::describe)
                    .orElse("IP " + ip + " is not assigned\n"));
        } else {
            List<IpPool> pools = new ArrayList<>();
            List<AllocationBlock> blocks = new ArrayList<>();
            for (IpFamily family : IpFamily.values()) {
                pools.addAll(store.pools(family));
                blocks.addAll(blocks(store, family));
            }
            out.print(UsageTable.render(IpamUsage.of(pools, blocks), showBlocks));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<AllocationBlock> blocks(IpamStore store, IpFamily family) {
        return store.blocks(family).values().stream().map(Versioned::value).toList();
    }
}
