package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NamespaceArgv;
import io.tabby.platform.net.NetNs;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Asks the kernel itself: an existing {@code ipip} link ({@code tunl0}) answers yes; otherwise it
 * tries {@code ip link add tabby-ipprobe type ipip} in the node's namespace and deletes the probe
 * again. A kernel without the {@code ipip} module refuses the add, which is the honest answer.
 */
public final class KernelIpipProbe implements IpipSupport {
    private static final Logger LOG = LogManager.getLogger(KernelIpipProbe.class);
    static final String PROBE = "tabby-ipprobe";
    private final LinkOps links;
    private final CommandRunner runner;
    private final NetNs ns;

    public KernelIpipProbe(LinkOps links, CommandRunner runner, NetNs ns) {
        this.links = requireNonNull(links, "links is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    @Override
    public boolean available() {
        if (links.list(ns).stream().anyMatch(l -> "ipip".equals(l.kind()))) {
            return true;
        }
        CommandResult add = runner.run(Command.of(NamespaceArgv.iproute2(ns, "ip",
                List.of("link", "add", PROBE, "type", "ipip"))));
        if (!add.succeeded()) {
            LOG.debug("ipip probe refused: {}", add.stderr().strip());
            return false;
        }
        runner.run(Command.of(NamespaceArgv.iproute2(ns, "ip", List.of("link", "delete", PROBE))));
        return true;
    }
}
