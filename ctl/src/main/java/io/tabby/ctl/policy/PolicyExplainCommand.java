package io.tabby.ctl.policy;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.CtlException;
import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.felix.calc.FlowExplanation;
import io.tabby.felix.calc.PolicyModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tabbyctl policy explain --from A --to B --port N/PROTO | --protocol icmp [-o yaml|json]}:
 * one snapshot of the v1 keys, felix's {@link PolicyModel}, and the verdict of each policed end.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Say whether a packet from one endpoint (or address) to another passes network policy, and"
                + " which policy or profile rule decides it: for egress at the source and ingress at the destination,"
                + " computed with felix's own policy model from one read of the datastore.",
        footer = {
            "",
            "An end is a workload endpoint's name as 'tabbyctl get workloadendpoints -o wide' prints it, its pod"
                    + " name, either one as NS/NAME or bare with -n NS, or an IP address. An address no workload"
                    + " endpoint holds is not policed at its end.",
            "Rules are numbered from 1 in the plain output and printed as stored in etcd; -o yaml|json gives"
                    + " a 0-based ruleIndex.",
            "",
            "Examples:",
            "  tabbyctl policy explain --from shop/frontend --to shop/web --port 80/tcp",
            "  tabbyctl policy explain --from 10.65.1.1 --to 10.65.2.7 --port 53/udp -o yaml",
            "  tabbyctl policy explain --from node1-k8s-frontend-eth0 --to db/postgres --protocol icmp",
        })
public final class PolicyExplainCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "END", description = "The packet's source.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "END", description = "The packet's destination.")
    private String to;

    @Option(names = "--port", paramLabel = "N[/PROTO]",
            description = "Destination port and protocol (tcp, udp, sctp; tcp when left out), e.g. 80/tcp.")
    private String port;

    @Option(names = "--protocol", paramLabel = "PROTO",
            description = "The protocol: tcp, udp, sctp (with --port), icmp, icmpv6 or a number.")
    private String protocol;

    @Option(names = "--icmp-type", paramLabel = "TYPE",
            description = "ICMP type with --protocol icmp|icmpv6 (default: echo request, as ping sends).")
    private Integer icmpType;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of ends given by bare name (default: default).")
    private String namespace = "default";

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "plain (default), yaml or json.")
    private String output = "plain";

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;

    public PolicyExplainCommand(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Integer call() {
        String format = output.trim().toLowerCase(Locale.ROOT);
        if (!List.of("plain", "yaml", "yml", "json").contains(format)) {
            throw new CtlException("-o " + output + " is not an output format of policy explain; give plain, yaml or json");
        }
        FlowQuery query = FlowQuery.parse(port, protocol, icmpType);
        ExplainReport report = explain(V1Snapshot.read(session.backend()), query);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case "yaml", "yml" -> ReportDocument.yaml(report);
            case "json" -> ReportDocument.json(report);
            default -> ReportText.render(report);
        });
        out.flush();
        return ExitCodes.OK;
    }

    private ExplainReport explain(V1Snapshot snapshot, FlowQuery query) {
        EndpointDirectory directory = EndpointDirectory.of(snapshot.values());
        List<FlowEnd> ends = AddressPairing.pair(from, directory.resolve("--from", from, namespace),
                to, directory.resolve("--to", to, namespace));
        FlowExplanation explanation = PolicyModel.of(snapshot.values()).explain(ends.get(0).address(),
                ends.get(1).address(), query.protocol(), query.port(), query.icmpType());
        return new ExplainReport(ends.get(0), ends.get(1), query, explanation,
                explanation.egress().flatMap(v -> DecidingRule.of(v, false, snapshot.values())),
                explanation.ingress().flatMap(v -> DecidingRule.of(v, true, snapshot.values())),
                snapshot.revision());
    }
}
