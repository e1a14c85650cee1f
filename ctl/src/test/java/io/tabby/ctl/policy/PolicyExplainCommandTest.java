package io.tabby.ctl.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tabbyctl policy explain} against an in-memory datastore filled through {@code tabbyctl apply}. */
class PolicyExplainCommandTest {

    @TempDir
    Path dir;

    private final CtlHarness ctl = new CtlHarness();

    @BeforeEach
    void pods() throws IOException {
        apply(ExplainManifests.PODS);
    }

    private void apply(String manifest) throws IOException {
        Path file = Files.writeString(Files.createTempFile(dir, "in", ".yaml"), manifest);
        CtlRun run = ctl.run("apply", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private String ok(String... args) {
        CtlRun run = ctl.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run.out();
    }

    private CtlRun failed(String... args) {
        CtlRun run = ctl.run(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString()).isEmpty();
        return run;
    }

    @Test
    void withoutPoliciesTheNamespaceProfilesAllow() {
        String out = ok("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80/tcp");
        assertThat(out).contains("Verdict:    Allow", "Decided by: profile kns.a, egress rule 1",
                "Decided by: profile kns.b, ingress rule 1", "Rule:       {\"action\":\"allow\"}");
    }

    @Test
    void thePlainAnswerNamesPolicyAndRuleAndMatchesTheGoldenFile() throws IOException {
        apply(ExplainManifests.WEB_POLICY);
        Golden.assertMatches("cli/policy-explain-allowed.txt",
                ok("policy", "explain", "--from", "a/client", "--to", "b/node--2-k8s-web-eth0", "--port", "80/tcp"));
        Golden.assertMatches("cli/policy-explain-denied.txt",
                ok("policy", "explain", "--from", "other", "-n", "a", "--to", "10.66.2.1", "--port", "80"));
    }

    @Test
    void ipBlockExceptAndPortsDecideByAddress() throws IOException {
        apply(ExplainManifests.WEB_POLICY);
        assertThat(ok("policy", "explain", "--from", "b/peer", "--to", "b/web", "--port", "8080/tcp"))
                .contains("Verdict:    Allow", "policy b/knp.default.web, ingress rule 2");
        assertThat(ok("policy", "explain", "--from", "a/other", "--to", "b/web", "--port", "8080/tcp"))
                .contains("Verdict:    Deny", "default (no policy allowed)");
        assertThat(ok("policy", "explain", "--from", "192.0.2.9", "--to", "b/web", "--port", "8080/tcp"))
                .contains("From:       192.0.2.9 (no workload endpoint)",
                        "Egress: not policed, 192.0.2.9 is no workload endpoint", "Verdict:    Deny");
        assertThat(ok("policy", "explain", "--from", "a/client", "--to", "b/web", "--protocol", "icmp"))
                .contains("Flow:       ICMP type 8 10.66.1.1 -> 10.66.2.1\n", "Verdict:    Deny");
    }

    @Test
    void egressPoliciesDecideAtTheSource() throws IOException {
        apply(ExplainManifests.CLIENT_EGRESS);
        assertThat(ok("policy", "explain", "--from", "a/client", "--to", "b/peer", "--port", "80/tcp"))
                .contains("Verdict:    Allow", "policy a/knp.default.client-out, egress rule 1");
        assertThat(ok("policy", "explain", "--from", "a/client", "--to", "a/other", "--port", "80/tcp"))
                .contains("Verdict:    Deny", "Egress from a/node1-k8s-client-eth0:\n  Action:     Deny");
        assertThat(ok("policy", "explain", "--from", "a/other", "--to", "a/client", "--port", "53/udp"))
                .contains("Verdict:    Allow");
    }

    @Test
    void yamlAndJsonCarryTheSameAnswerForScripts() throws IOException {
        apply(ExplainManifests.WEB_POLICY);
        String json = ok("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80/tcp", "-o", "json");
        Golden.assertMatches("cli/policy-explain.json", json.replaceAll("\"revision\": \\d+", "\"revision\": 0"));
        String yaml = ok("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80", "-o", "yaml");
        assertThat(yaml).contains("allowed: true", "decidedBy: policy", "name: b/knp.default.web", "ruleIndex: 0");
    }

    @Test
    void unknownEndpointsAreNamedWithHowToListThem() {
        CtlRun run = failed("policy", "explain", "--from", "a/nope", "--to", "b/web", "--port", "80/tcp");
        assertThat(run.err()).contains("--from a/nope: no workload endpoint named \"nope\" in namespace a",
                "tabbyctl get workloadendpoints --all-namespaces -o wide");
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "web", "--port", "80").err())
                .contains("--to web: no workload endpoint named \"web\" in namespace default (give NS/NAME or -n NS");
    }

    @Test
    void badPacketDescriptionsSayWhatToGive() {
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "b/web").err())
                .contains("Give the packet: --port N/PROTO");
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "http").err())
                .contains("--port http is not a port");
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80/gre").err())
                .contains("protocol \"gre\" is not known");
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80/tcp",
                "--protocol", "icmp").err()).contains("name different protocols");
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80",
                "--protocol", "icmp").err()).contains("protocol ICMP has no ports");
        assertThat(failed("policy", "explain", "--from", "a/client", "--to", "b/web", "--port", "80", "-o", "wide")
                .err()).contains("-o wide is not an output format of policy explain");
    }

    @Test
    void helpNeedsNoDatastore() {
        CtlHarness fresh = new CtlHarness();
        CtlRun run = fresh.run("policy", "explain", "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Usage: tabbyctl policy explain")
                .contains("--from", "--to", "--port", "Exit codes:");
        assertThat(fresh.connections).isEmpty();
    }
}
