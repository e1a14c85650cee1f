package io.tabby.ctl.node;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.ctl.ExitCodes;
import io.tabby.datastore.backend.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tabbyctl node status}: the node agent and its BGP sessions, as {@code calicoctl node status}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Check the status of the node on this host: whether the node agent runs, and the state of"
                + " its BGP sessions, read from the BGP daemon's control socket as calicoctl reads BIRD's.",
        footer = {
            "",
            "The IPv4 socket is /var/run/calico/bird.ctl (else /var/run/bird/bird.ctl), the IPv6 one bird6.ctl",
            "beside it. Reading them needs root.",
            "",
            "With --all it reads every node's sessions from the datastore instead, as each tabby-node",
            "publishes them (kept alive by a lease, so a stopped node shows as missing within 90s);",
            "that needs no root and works from any machine that can reach etcd.",
            "",
            "Examples:",
            "  tabbyctl node status",
            "  tabbyctl node status --socket /run/tabby/bird.ctl",
            "  tabbyctl node status --all",
        })
public final class NodeStatusCommand implements Callable<Integer> {

    static final List<Path> DEFAULT_V4 = List.of(Path.of("/var/run/calico/bird.ctl"), Path.of("/var/run/bird/bird.ctl"));
    static final List<Path> DEFAULT_V6 = List.of(Path.of("/var/run/calico/bird6.ctl"), Path.of("/var/run/bird/bird6.ctl"));

    @Option(names = "--all", description = "Show the BGP sessions of every node, as published in the datastore.")
    private boolean all;

    @Option(names = "--socket", paramLabel = "PATH", description = "The IPv4 control socket to read instead of the default.")
    private Path socket;

    @Option(names = "--socket6", paramLabel = "PATH", description = "The IPv6 control socket to read instead of the default.")
    private Path socket6;

    @Spec
    private CommandSpec spec;

    private final ProcessTable processes;
    private final BirdSocketClient client;
    private final List<Path> defaultV4;
    private final List<Path> defaultV6;
    private final Supplier<Backend> datastore;
    private final Clock clock;

    /**
     * @param datastore opens the datastore, only for {@code --all}
     * @param clock its zone is the one the SINCE column of {@code --all} is shown in
     */
    public NodeStatusCommand(ProcessTable processes, BirdSocketClient client, Supplier<Backend> datastore,
            Clock clock) {
        this(processes, client, DEFAULT_V4, DEFAULT_V6, datastore, clock);
    }

    /** With other default socket locations, for tests. */
    NodeStatusCommand(ProcessTable processes, BirdSocketClient client, List<Path> defaultV4, List<Path> defaultV6,
            Supplier<Backend> datastore, Clock clock) {
        this.processes = requireNonNull(processes, "processes is null");
        this.client = requireNonNull(client, "client is null");
        this.defaultV4 = List.copyOf(defaultV4);
        this.defaultV6 = List.copyOf(defaultV6);
        this.datastore = requireNonNull(datastore, "datastore is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Integer call() {
        if (all) {
            if (socket != null || socket6 != null) {
                throw new ParameterException(spec.commandLine(),
                        "--all reads the datastore, not a control socket: give either --all or --socket/--socket6");
            }
            new AllNodesStatus(new PublishedStatusReader(clock)).print(datastore.get(), spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        if (!processes.nodeAgentRunning()) {
            throw new CtlException("Calico process is not running.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print("Calico process is running.\n");
        // A socket named on the command line is always queried, so a wrong path is reported as such;
        // the default locations count only when a daemon created its socket there.
        List<Path> v4 = socket != null ? List.of(socket) : defaultV4;
        List<Path> v6 = socket6 != null ? List.of(socket6) : defaultV6;
        boolean anyV4 = socket != null || v4.stream().anyMatch(Files::exists);
        boolean anyV6 = socket6 != null || v6.stream().anyMatch(Files::exists);
        if (!anyV4 && !anyV6) {
            out.print("\nNone of the BGP backend processes (BIRD or GoBGP) are running.\n");
        } else {
            section(out, BirdPeerParser.Family.V4, v4, anyV4);
            section(out, BirdPeerParser.Family.V6, v6, anyV6);
        }
        out.print("\n");
        out.flush();
        return ExitCodes.OK;
    }

    private void section(PrintWriter out, BirdPeerParser.Family family, List<Path> candidates, boolean exists) {
        String v = family.digit();
        if (!exists) {
            out.print("\nINFO: BIRDv" + v + " process: 'bird" + (v.equals("6") ? "6" : "") + "' is not running.\n");
            return;
        }
        out.print("\nIPv" + v + " BGP status\n");
        SocketChannel channel = null;
        IOException failure = null;
        Path used = null;
        for (Path candidate : candidates) {
            try {
                channel = client.connect(candidate);
                used = candidate;
                break;
            } catch (IOException e) {
                failure = e;
                used = candidate;
            }
        }
        if (channel == null) {
            out.print("Error querying BIRD: unable to connect to BIRDv" + v + " socket " + used + ": "
                    + (failure == null ? "no socket" : failure.getMessage()) + "\n");
            return;
        }
        List<BgpPeerStatus> peers;
        try (SocketChannel open = channel) {
            peers = client.showProtocols(open, family);
        } catch (IOException e) {
            throw new CtlException("Error executing command: reading BIRDv" + v + " socket " + used + " failed: "
                    + e.getMessage(), e);
        }
        if (peers.isEmpty()) {
            out.print("No IPv" + v + " peers found.\n");
        } else {
            out.print(PeerTable.render(peers));
        }
    }
}
