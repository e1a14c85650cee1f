package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the checker found.
 *
 * @param revision the etcd revision the snapshot was read at
 * @param problems each broken invariant, in a stable order
 */
public record IpamReport(long revision, List<IpamProblem> problems) {
    public IpamReport {
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    /** The problems of one kind. */
    public <P extends IpamProblem> List<P> of(Class<P> kind) {
        return problems.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Calico's closing line: {@code Check complete; found <n> problems.} */
    public String summary() {
        return "Check complete; found " + problems.size() + " problems.";
    }
}
