package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import java.util.List;

/**
 * What the checker found.
 *
 * @param revision the etcd revision the snapshot was read at
 * @param problems each broken invariant, in a stable order
 * @param inGrace allocated addresses no endpoint uses yet that were not judged, being younger than
 *     the {@link LeakGrace} (ADDs in flight, or leaks to be reported by a later check), sorted
 */
public record IpamReport(long revision, List<IpamProblem> problems, List<IpAddr> inGrace) {
    public IpamReport {
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
        inGrace = List.copyOf(requireNonNull(inGrace, "inGrace is null"));
    }

    public IpamReport(long revision, List<IpamProblem> problems) {
        this(revision, problems, List.of());
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
