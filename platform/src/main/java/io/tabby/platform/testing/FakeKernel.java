package io.tabby.platform.testing;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.firewall.IpsetOps;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.NetBatchOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.SysctlOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory kernel: namespaces with links, addresses, routes, neighbours, FDB entries,
 * sysctls, iptables rulesets and ipsets, seen through one view per {@code *Ops} interface. The
 * root namespace exists from the start (with {@code lo}); others are added with
 * {@link #addNamespace}. Thread-safe: every view locks the kernel.
 *
 * <pre>{@code
 * FakeKernel kernel = new FakeKernel();
 * RouteOps routes = kernel.routeOps();            // hand to the code under test
 * ... code under test runs ...
 * assertThat(kernel.deltas()).extracting(KernelDelta::operation).containsOnly("route replace");
 * }</pre>
 */
public final class FakeKernel {

    private final Map<NetNs, FakeNamespace> namespaces = new LinkedHashMap<>();
    private final List<KernelDelta> deltas = new ArrayList<>();
    private int nextIndex = 1;

    public FakeKernel() {
        addNamespace(NetNs.root());
    }

    /** Creates an empty namespace holding only a down {@code lo}. */
    public synchronized FakeKernel addNamespace(NetNs ns) {
        if (namespaces.containsKey(ns)) {
            throw new IllegalStateException(ns + " already exists in the fake kernel");
        }
        FakeNamespace state = new FakeNamespace();
        state.links.put("lo", new Link("lo", nextIndex(), "", 65536, "00:00:00:00:00:00", false));
        namespaces.put(ns, state);
        return this;
    }

    /** Removes a namespace and, as the kernel does, the peers of its veths elsewhere. */
    public synchronized void deleteNamespace(NetNs ns) {
        FakeNamespace state = namespace(ns);
        state.peers.values().forEach(peer -> {
            FakeNamespace other = namespaces.get(peer.ns());
            if (other != null && other != state) {
                other.forgetDevice(peer.name());
            }
        });
        namespaces.remove(ns);
    }

    public synchronized Set<NetNs> namespaces() {
        return Set.copyOf(namespaces.keySet());
    }

    /** Every change applied since creation or the last {@link #clearDeltas()}. */
    public synchronized List<KernelDelta> deltas() {
        return List.copyOf(deltas);
    }

    public synchronized void clearDeltas() {
        deltas.clear();
    }

    public LinkOps linkOps() {
        return new FakeLinkOps(this);
    }

    public AddrOps addrOps() {
        return new FakeAddrOps(this);
    }

    public RouteOps routeOps() {
        return new FakeRouteOps(this);
    }

    public NeighOps neighOps() {
        return new FakeNeighOps(this);
    }

    public NetBatchOps netBatchOps() {
        return new FakeNetBatchOps(this);
    }

    public SysctlOps sysctlOps() {
        return new FakeSysctlOps(this);
    }

    /** The ruleset of one backend; nft and legacy are separate, as in the kernel. */
    public IptablesOps iptablesOps(IptablesBackend backend) {
        return new FakeIptablesOps(this, backend);
    }

    public IpsetOps ipsetOps() {
        return new FakeIpsetOps(this);
    }

    // ---- for the views (call only while holding the lock) ----

    FakeNamespace namespace(NetNs ns) {
        FakeNamespace state = namespaces.get(ns);
        if (state == null) {
            throw fail("netns", "Cannot open network namespace \"" + ns + "\": No such file or directory");
        }
        return state;
    }

    void record(NetNs ns, String operation, Object subject) {
        deltas.add(new KernelDelta(ns, operation, String.valueOf(subject)));
    }

    int nextIndex() {
        return nextIndex++;
    }

    /** A failure shaped like the Linux implementation's: a command that exited 1 with this stderr. */
    static CommandFailedException fail(String operation, String stderr) {
        return new CommandFailedException(result(operation, stderr));
    }

    static CommandResult result(String operation, String stderr) {
        return new CommandResult(Command.of(List.of("fake-kernel", operation)), 1, "", stderr);
    }
}
