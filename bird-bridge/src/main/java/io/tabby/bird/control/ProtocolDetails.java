package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What {@code show protocols all} prints under a protocol's row.
 *
 * @param description the {@code description} of the configuration
 * @param preference the route preference (BGP 100, static 200, direct 240, kernel 10)
 * @param inputFilter {@code ACCEPT} for {@code import all}, {@code REJECT} for none, else the filter's name
 * @param outputFilter the same for export
 * @param stats route counts, shown while the protocol is not down
 * @param extra protocol-specific lines, e.g. BGP's ({@link DetailLine}); printed after the stats
 */
public record ProtocolDetails(Optional<String> description, int preference, String inputFilter, String outputFilter,
        Optional<RouteStats> stats, List<DetailLine> extra) {

    public ProtocolDetails {
        requireNonNull(description, "description is null");
        requireNonNull(inputFilter, "inputFilter is null");
        requireNonNull(outputFilter, "outputFilter is null");
        requireNonNull(stats, "stats is null");
        extra = List.copyOf(extra);
    }

    /**
     * One protocol-specific line: {@code label} at {@code indent} spaces, the value starting at column
     * 22 as BIRD aligns them ({@code "  BGP state:          Established"},
     * {@code "    Neighbor address: 10.0.0.2"}).
     */
    public record DetailLine(int indent, String label, String value) {
        private static final int VALUE_COLUMN = 22;

        public DetailLine {
            requireNonNull(label, "label is null");
            requireNonNull(value, "value is null");
            if (indent < 0 || indent > 16) {
                throw new IllegalArgumentException("indent " + indent + " is outside 0..16");
            }
        }

        String render() {
            return " ".repeat(indent) + String.format("%-" + (VALUE_COLUMN - indent) + "s", label + ":") + value;
        }
    }

    /**
     * The filter column as BIRD names a policy: {@code ACCEPT} for {@code all}, {@code REJECT} for
     * {@code none}, the filter's name, or {@code (unnamed)} for a {@code where} clause.
     */
    public static String filterName(io.tabby.bird.config.RoutePolicy policy) {
        return switch (policy) {
            case io.tabby.bird.config.RoutePolicy.All all -> "ACCEPT";
            case io.tabby.bird.config.RoutePolicy.None none -> "REJECT";
            case io.tabby.bird.config.RoutePolicy.Named named -> named.filter();
            case io.tabby.bird.config.RoutePolicy.Where where -> "(unnamed)";
        };
    }

    /** BIRD's BGP detail lines for a session in {@code bgpState} with a neighbor. */
    public static List<DetailLine> bgpLines(String bgpState, String neighborAddress, long neighborAs, List<DetailLine> more) {
        List<DetailLine> lines = new java.util.ArrayList<>();
        lines.add(new DetailLine(2, "BGP state", bgpState));
        lines.add(new DetailLine(4, "Neighbor address", neighborAddress));
        lines.add(new DetailLine(4, "Neighbor AS", Long.toString(neighborAs)));
        lines.addAll(more);
        return lines;
    }

    /**
     * The {@code Routes:} line and the route change statistics table.
     *
     * @param imported routes the protocol brought into the table
     * @param exported routes the table sent to the protocol
     * @param preferred imported routes that are the best for their network
     */
    public record RouteStats(long imported, long exported, long preferred, Counters importUpdates,
            Counters importWithdraws, Counters exportUpdates, Counters exportWithdraws) {
        public RouteStats {
            requireNonNull(importUpdates, "importUpdates is null");
            requireNonNull(importWithdraws, "importWithdraws is null");
            requireNonNull(exportUpdates, "exportUpdates is null");
            requireNonNull(exportWithdraws, "exportWithdraws is null");
        }

        public static RouteStats counts(long imported, long exported, long preferred) {
            return new RouteStats(imported, exported, preferred, Counters.ZERO, Counters.ZERO, Counters.ZERO, Counters.ZERO);
        }
    }

    /** One row of the route change statistics; BIRD prints {@code ---} where a column has no meaning. */
    public record Counters(long received, long rejected, long filtered, long ignored, long accepted) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);
    }
}
