package io.tabby.bird.wire.attr;

/** One path attribute of an UPDATE; see the package documentation for the RFCs. */
public sealed interface PathAttribute
        permits Origin, AsPath, NextHop, MultiExitDisc, LocalPref, AtomicAggregate, Aggregator,
                Communities, OriginatorId, ClusterList, MpReachNlri, MpUnreachNlri, As4Path,
                As4Aggregator, LargeCommunities, UnknownAttribute {

    /** The attribute type code on the wire. */
    int typeCode();
}
