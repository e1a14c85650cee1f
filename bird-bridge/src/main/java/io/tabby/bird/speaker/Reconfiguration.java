package io.tabby.bird.speaker;

import java.util.List;

/**
 * What {@link BgpSpeaker#reconfigure} did, by protocol name.
 *
 * @param unchanged sessions left as they were
 * @param reloaded sessions kept up whose import or export policy changed: what the peer is sent
 *     was re-evaluated, what it sent is asked for again (ROUTE-REFRESH) and filtered anew
 * @param restarted sessions ended (Cease) and started again with the new options
 * @param added new protocols, started
 * @param removed protocols gone from the configuration, stopped with Cease
 */
public record Reconfiguration(List<String> unchanged, List<String> reloaded, List<String> restarted,
        List<String> added, List<String> removed) {

    public Reconfiguration {
        unchanged = List.copyOf(unchanged);
        reloaded = List.copyOf(reloaded);
        restarted = List.copyOf(restarted);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
