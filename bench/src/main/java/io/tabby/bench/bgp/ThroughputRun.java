package io.tabby.bench.bgp;

import java.util.Optional;

/**
 * One device's result: the seconds from the first UPDATE to the receiver holding every prefix
 * (empty when it never did within the time limit, with how many it held), and the device's
 * resident memory before the feed (sessions up, no routes) and after.
 *
 * @param cpuSeconds the device's CPU time (user + system, all threads) from the first UPDATE until
 *     it settled after the receiver held everything (or the time limit): robust to a busy machine
 * @param liveHeapBytes Tabby only: heap in use after a full GC once the feed is done
 */
record ThroughputRun(Dut dut, int routes, Optional<Double> seconds, int held, long rssBefore, long rssAfter,
        double cpuSeconds,
        Optional<Long> liveHeapBytes, String note) {

    /** (RSS after − RSS before) / routes: what holding the table costs the process. */
    double bytesPerRoute() {
        return (double) (rssAfter - rssBefore) / routes;
    }
}
