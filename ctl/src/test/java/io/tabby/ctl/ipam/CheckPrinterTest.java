package io.tabby.ctl.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.check.IpamProblem.AddressHeldTwice;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import io.tabby.ipam.check.IpamReport;
import io.tabby.ipam.check.RepairAction;
import io.tabby.ipam.check.RepairAction.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckPrinterTest {

    private static final LeakedAddress LEAK = new LeakedAddress(IpAddr.parse("10.0.0.3"), Cidr.parse("10.0.0.0/26"), 3,
            "h1", Map.of("pod", "p", "namespace", "ns", "node", "n1", "containerID", "c"));
    private static final AddressHeldTwice TWICE =
            new AddressHeldTwice(IpAddr.parse("10.0.0.4"), List.of("endpoint a", "endpoint b"));

    @Test
    void repairTalliesEveryOutcome() {
        String out = CheckPrinter.repair(List.of(
                new RepairAction(LEAK, Outcome.FIXED, "released 10.0.0.3"),
                new RepairAction(LEAK, Outcome.SKIPPED, "no longer present"),
                new RepairAction(TWICE, Outcome.NOT_FIXED, "needs an operator")), false);

        assertThat(out).startsWith("Repairing...\n  fixed: address 10.0.0.3 ")
                .contains("  skipped: address 10.0.0.3 ", " -> no longer present\n",
                        "  needs an operator: address 10.0.0.4 is held more than once: endpoint a; endpoint b -> needs an operator\n")
                .endsWith("Repair complete: 1 fixed, 1 skipped, 1 left for an operator.\n");
    }

    @Test
    void addressesInTheGracePeriodAreNamedButNotCountedAsProblems() {
        List<IpAddr> young = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            young.add(IpAddr.parse("10.0.1." + i));
        }
        String out = CheckPrinter.problems(new IpamReport(7, List.of(LEAK), young));

        assertThat(out).startsWith("  address 10.0.0.3 ")
                .contains("  22 addresses were allocated in the last 10 minutes and no workload endpoint uses them yet"
                        + " (pod starts in flight; a later check reports any that leaked): 10.0.1.1, 10.0.1.2, ",
                        "10.0.1.20 and 2 more\n")
                .doesNotContain("10.0.1.21")
                .endsWith("Check complete; found 1 problems.\n");
        assertThat(CheckPrinter.problems(new IpamReport(7, List.of(), List.of(IpAddr.parse("10.0.1.9")))))
                .isEqualTo("  1 address was allocated in the last 10 minutes and no workload endpoint uses it yet"
                        + " (pod starts in flight; a later check reports any that leaked): 10.0.1.9\n"
                        + "Check complete; found 0 problems.\n");
    }

    @Test
    void dryRunSaysNothingWasWritten() {
        assertThat(CheckPrinter.repair(List.of(new RepairAction(LEAK, Outcome.WOULD_FIX, "release 10.0.0.3")), true))
                .startsWith("Repairing (dry run: nothing is written)...\n  would fix: ")
                .endsWith("Dry run complete: 1 would be fixed; nothing was written.\n");
        assertThat(CheckPrinter.repair(List.of(), true)).endsWith("Dry run complete: nothing to do; nothing was written.\n");
    }
}
