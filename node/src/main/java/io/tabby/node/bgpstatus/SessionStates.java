package io.tabby.node.bgpstatus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sessions counted by BGP FSM state, for the {@code tabby_bgp_sessions} gauge. */
public final class SessionStates {

    private SessionStates() {
    }

    /**
     * Counts per state: the first word of BIRD's info column ({@code Established}, {@code Active},
     * ...), {@code Down} for a disabled protocol.
     */
    public static Map<String, Long> count(List<BgpSession> sessions) {
        Map<String, Long> counts = new TreeMap<>();
        for (BgpSession session : sessions) {
            String state = session.state().equals("down") || session.info().isBlank()
                    ? "Down" : session.info().split(" ", 2)[0];
            counts.merge(state, 1L, Long::sum);
        }
        return counts;
    }
}
