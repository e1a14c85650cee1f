package io.tabby.ctl.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlHarness;
import io.tabby.ctl.CtlRun;
import io.tabby.ctl.Golden;
import io.tabby.ctl.PolicyManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get/apply/delete of the policy kinds, with calicoctl's tables, namespaces and aliases. */
class PolicyCommandsTest {

    @TempDir
    Path dir;

    private final CtlHarness ctl = new CtlHarness();

    @BeforeEach
    void policies() throws IOException {
        CtlRun run = ctl.run("apply", "-f", file(PolicyManifests.POLICIES));
        assertThat(run.out()).as(run.toString()).isEqualTo("Successfully applied 7 resource(s)\n");
    }

    private String file(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "in", ".yaml"), text).toString();
    }

    private String ok(String... args) {
        CtlRun run = ctl.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run.out();
    }

    @Test
    void tablesForEveryPolicyKindMatchGoldenFiles() {
        for (String kind : List.of("networkpolicies", "globalnetworkpolicies", "profiles", "hostendpoints",
                "workloadendpoints")) {
            Golden.assertMatches("cli/get-" + kind + "-ps.txt", ok("get", kind, "-A"));
            Golden.assertMatches("cli/get-" + kind + "-wide.txt", ok("get", kind, "-A", "-o", "wide"));
        }
    }

    @Test
    void namespacedKindsListOneNamespaceUnlessAllAreAsked() {
        assertThat(ok("get", "np", "-n", "shop")).isEqualTo("""
                NAME       \s
                allow-web  \s

                """);
        assertThat(ok("get", "netpol")).isEqualTo("""
                NAME  \s

                """);
        assertThat(ok("get", "wep", "--all-namespaces")).startsWith("NAMESPACE   WORKLOAD");
        assertThat(ok("get", "gnp", "-o", "wide")).isEqualTo("""
                NAME        ORDER   SELECTOR         \s
                allow-dns   10.5    has(dns-client)  \s

                """);
    }

    @Test
    void namedPolicyPrintsAsYamlThatAppliesBack() throws IOException {
        String yaml = ok("get", "networkpolicy", "allow-web", "-n", "shop", "-o", "yaml");
        Golden.assertMatches("cli/get-networkpolicy-named.yaml", yaml);

        assertThat(ok("apply", "-f", file(yaml))).isEqualTo("Successfully applied 1 'NetworkPolicy' resource(s)\n");
    }

    @Test
    void missingNamespacedResourceNamesItsNamespace() {
        CtlRun run = ctl.run("get", "np", "allow-web", "-n", "batch");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("NetworkPolicy \"batch/allow-web\" does not exist");
    }

    @Test
    void deleteByNameUsesTheNamespace() {
        assertThat(ok("delete", "policy", "default-deny", "-n", "batch"))
                .isEqualTo("Successfully deleted 1 'NetworkPolicy' resource(s)\n");
        assertThat(ctl.keys()).doesNotContain("/calico/v1/policy/tier/default/policy/batch%2fdefault-deny")
                .contains("/calico/v1/policy/tier/default/policy/shop%2fallow-web");
    }

    @Test
    void kubernetesPoliciesAndNamespacesApplyAsCalicoResources() throws IOException {
        assertThat(ok("apply", "-f", file(PolicyManifests.KUBERNETES))).isEqualTo("Successfully applied 3 resource(s)\n");

        assertThat(ok("get", "networkpolicy", "-n", "shop", "-o", "wide")).isEqualTo("""
                NAME                         ORDER   SELECTOR                                                 \s
                allow-web                    100     app == 'web'                                             \s
                knp.default.allow-frontend   1000    projectcalico.org/orchestrator == 'k8s' && app == 'web'  \s
                knp.default.default-deny     1000    projectcalico.org/orchestrator == 'k8s'                  \s

                """);
        assertThat(ok("get", "profile", "kns.shop", "-o", "wide")).contains(
                "pcns.projectcalico.org/name=shop,pcns.team=a");
    }
}
