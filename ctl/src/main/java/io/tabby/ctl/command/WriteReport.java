package io.tabby.ctl.command;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.resource.PartialWriteException;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceException;
import io.tabby.datastore.resource.ResourceInputException;
import io.tabby.datastore.resource.ResourceKind;
import java.util.List;
import java.util.Optional;

/**
 * calicoctl's wording for the outcome of a write:
 * {@code Successfully applied 2 'IPPool' resource(s)}, {@code Failed to create 'IPPool' resource: ...},
 * {@code Partial success: applied the first 1 out of 3 'IPPool' resources:} / {@code Hit error: ...}.
 */
final class WriteReport {

    private WriteReport() {}

    /** The kind's name when every resource has the same kind. */
    static Optional<ResourceKind> singleKind(List<? extends Resource> resources) {
        List<ResourceKind> kinds = resources.stream().map(Resource::kind).distinct().toList();
        return kinds.size() == 1 ? Optional.of(kinds.getFirst()) : Optional.empty();
    }

    static String success(Verb verb, List<? extends Resource> resources) {
        return "Successfully " + verb.past() + " " + resources.size() + kindWord(resources) + " resource(s)";
    }

    static String dryRunSummary(Verb verb, List<? extends Resource> resources) {
        return "Dry run: would have " + verb.past() + " " + resources.size() + kindWord(resources)
                + " resource(s); nothing was written";
    }

    /**
     * The exception to report for a failed write of {@code resources}. Input problems keep their own
     * report (every problem listed); anything else gets calicoctl's framing.
     */
    static RuntimeException failure(Verb verb, List<? extends Resource> resources, ResourceException e) {
        if (e instanceof ResourceInputException) {
            return e;
        }
        if (e instanceof PartialWriteException partial) {
            return new CtlException("Partial success: " + verb.past() + " the first " + partial.completed().size()
                    + " out of " + partial.total() + kindWord(resources) + " resources:\nHit error: "
                    + partial.getCause().getMessage(), e);
        }
        String what = resources.size() == 1
                ? "'" + resources.getFirst().kind().displayName() + "' resource"
                : singleKind(resources).map(kind -> "any '" + kind.displayName() + "' resources").orElse("any resources");
        String nothing = verb == Verb.DELETE ? "Nothing was deleted." : "Nothing was written.";
        return new CtlException("Failed to " + verb.present() + " " + what + ": " + e.getMessage() + ". " + nothing, e);
    }

    private static String kindWord(List<? extends Resource> resources) {
        return singleKind(resources).map(kind -> " '" + kind.displayName() + "'").orElse("");
    }
}
