package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

/**
 * What repair did, or would do, about one problem.
 *
 * @param problem the problem from the report
 * @param outcome what happened
 * @param detail the action taken or the reason none was
 */
public record RepairAction(IpamProblem problem, Outcome outcome, String detail) {

    /** How a repair step ended. */
    public enum Outcome {
        /** Fixed. */
        FIXED,
        /** Dry run: this fix would be made. */
        WOULD_FIX,
        /** Gone from a fresh snapshot, or changed under us: nothing written. */
        SKIPPED,
        /** Not safe to fix automatically; needs an operator. */
        NOT_FIXED
    }

    public RepairAction {
        requireNonNull(problem, "problem is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
    }
}
