package io.tabby.ctl.command;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.DatastoreSession;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.ipam.CheckPrinter;
import io.tabby.ipam.check.IpamChecker;
import io.tabby.ipam.check.IpamRepair;
import io.tabby.ipam.check.IpamReport;
import io.tabby.ipam.check.IpamSnapshot;
import io.tabby.ipam.check.RepairAction;
import io.tabby.ipam.check.SnapshotReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tabbyctl ipam check [--fix [--dry-run]]}: lists every broken IPAM invariant and, with
 * {@code --fix}, repairs what is safe to repair, then checks again. Exits 0 when the data is clean
 * (from the start or after the repair) and 1 when problems remain.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Check the IPAM data for inconsistencies: addresses allocated that no workload uses (leaks),"
                    + " allocations without a handle, handle counts that disagree with the blocks, affinities"
                    + " without their block, blocks affine to several nodes, addresses held twice.",
            "With --fix, repair what is safe (release leaks, rewrite handles, fix affinities), then check again.",
            "Exits 1 while problems remain.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:Clean: no problems, or none left after --fix.",
            " 1:Problems remain (or --fix --dry-run found some), or the datastore is unreachable or refusing.",
            " 2:Wrong command line: unknown option, --dry-run without --fix.",
        },
        footer = {
            "",
            "Examples:",
            "  tabbyctl ipam check",
            "  tabbyctl ipam check --fix --dry-run",
            "  tabbyctl ipam check --fix",
        })
public final class IpamCheckCommand implements Callable<Integer> {

    @Option(names = "--fix", description = "Repair the problems that are safe to repair, then check again.")
    private boolean fix;

    @Option(names = "--dry-run", description = "With --fix: print what would be repaired and write nothing.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final DatastoreSession session;

    public IpamCheckCommand(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public Integer call() {
        if (dryRun && !fix) {
            throw new ParameterException(spec.commandLine(),
                    "--dry-run only applies to --fix: give --fix --dry-run to see what would be repaired");
        }
        SnapshotReader reader = new SnapshotReader(session.backend());
        PrintWriter out = spec.commandLine().getOut();
        IpamSnapshot snapshot = reader.read();
        IpamReport report = IpamChecker.check(snapshot);
        out.print(CheckPrinter.scan(snapshot, report));
        if (report.isClean()) {
            out.flush();
            return ExitCodes.OK;
        }
        if (!fix) {
            out.println("Run 'tabbyctl ipam check --fix --dry-run' to see what can be repaired.");
            out.flush();
            return ExitCodes.FAILURE;
        }
        out.println();
        out.flush();
        List<RepairAction> actions = new IpamRepair(session.backend()).repair(report, dryRun);
        out.print(CheckPrinter.repair(actions, dryRun));
        if (dryRun) {
            out.flush();
            return ExitCodes.FAILURE;
        }
        out.println();
        out.println("Checking again...");
        IpamReport after = IpamChecker.check(reader.read());
        out.print(CheckPrinter.problems(after));
        out.flush();
        return after.isClean() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
