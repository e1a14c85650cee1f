package io.tabby.node.startup;

import io.tabby.platform.net.NetNs;
import java.net.InetAddress;
import java.util.Optional;

/** The source address the kernel's route lookup picks for a destination ({@code ip route get}). */
@FunctionalInterface
public interface RouteSourceLookup {
    /** Empty when the destination is unreachable or the chosen route has no source address. */
    Optional<InetAddress> sourceFor(NetNs ns, InetAddress destination);
}
