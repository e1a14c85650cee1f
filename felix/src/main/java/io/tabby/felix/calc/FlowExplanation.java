package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.Optional;

/**
 * The answer to "would this packet pass?": the egress verdict at the source endpoint and the
 * ingress verdict at the destination endpoint, each absent when that end is not a workload endpoint
 * (felix polices only its endpoints). The packet passes when every present verdict allows it.
 */
public record FlowExplanation(Optional<WorkloadEndpointKey> source, Optional<WorkloadEndpointKey> destination,
        Optional<Verdict> egress, Optional<Verdict> ingress) {
    public FlowExplanation {
        requireNonNull(source, "source is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(egress, "egress is null");
        requireNonNull(ingress, "ingress is null");
    }

    public boolean allowed() {
        return egress.map(Verdict::allowed).orElse(true) && ingress.map(Verdict::allowed).orElse(true);
    }
}
