package io.tabby.bird.daemon;

import java.util.List;

/**
 * The daemon's local routes and the kernel protocol's count as of the kernel thread's last batch,
 * for the control socket.
 *
 * @param statics routes of the static protocols
 * @param direct routes of the direct protocols (interface prefixes)
 * @param learned alien routes the kernel protocol learned ({@code learn})
 * @param exported routes the kernel protocol has installed
 */
record TableSnapshot(List<Candidate> statics, List<Candidate> direct, List<Candidate> learned, int exported) {

    static final TableSnapshot EMPTY = new TableSnapshot(List.of(), List.of(), List.of(), 0);

    TableSnapshot {
        statics = List.copyOf(statics);
        direct = List.copyOf(direct);
        learned = List.copyOf(learned);
    }
}
