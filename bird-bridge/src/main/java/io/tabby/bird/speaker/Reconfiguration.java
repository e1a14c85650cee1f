package io.tabby.bird.speaker;

import java.util.List;

/**
 * What {@link BgpSpeaker#reconfigure} did, by protocol name.
 *
 * @param unchanged sessions left as they were
 * @param exportReloaded sessions kept up whose export policy changed: what the peer is sent was
 *     re-evaluated
 * @param restarted sessions ended (Cease) and started again with the new options
 * @param added new protocols, started
 * @param removed protocols gone from the configuration, stopped with Cease
 */
public record Reconfiguration(List<String> unchanged, List<String> exportReloaded, List<String> restarted,
        List<String> added, List<String> removed) {

    public Reconfiguration {
        unchanged = List.copyOf(unchanged);
        exportReloaded = List.copyOf(exportReloaded);
        restarted = List.copyOf(restarted);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
