package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NamespaceArgv;
import io.tabby.platform.net.NetNs;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** {@link RouteSourceLookup} by {@code ip -o route get <dst>}, reading its {@code src} field. */
public final class IpRouteGet implements RouteSourceLookup {
    private static final Logger LOG = LogManager.getLogger(IpRouteGet.class);
    private static final Pattern SRC = Pattern.compile("\\bsrc (\\S+)");
    private final CommandRunner runner;

    public IpRouteGet(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    @Override
    public Optional<InetAddress> sourceFor(NetNs ns, InetAddress destination) {
        CommandResult result = runner.run(Command.of(NamespaceArgv.iproute2(ns, "ip",
                List.of("-o", "route", "get", IpPrefix.format(destination)))));
        if (!result.succeeded()) {
            LOG.debug("ip route get {} failed: {}", IpPrefix.format(destination), result.stderr().strip());
            return Optional.empty();
        }
        Matcher m = SRC.matcher(result.stdout());
        return m.find() ? Optional.of(IpPrefix.parseAddress(m.group(1))) : Optional.empty();
    }
}
