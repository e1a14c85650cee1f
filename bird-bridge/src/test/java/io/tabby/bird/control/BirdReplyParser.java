package io.tabby.bird.control;

import io.tabby.bird.control.ProtocolDetails.Counters;
import io.tabby.bird.control.ProtocolDetails.DetailLine;
import io.tabby.bird.control.ProtocolDetails.RouteStats;
import io.tabby.bird.control.ProtocolView.ProtocolState;
import io.tabby.bird.control.ProtocolView.ProtocolType;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a real BIRD's raw replies back into the views Tabby renders from, so that a test can render
 * the same data with Tabby and compare the two replies line by line.
 */
final class BirdReplyParser {

    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(.*)$");
    private static final Pattern ROUTE = Pattern.compile(
            "^(\\S*)\\s+(.*?) \\[(\\S+) (\\S+)(?: from (\\S+))?\\]( \\*)? (.*)$");
    private static final Pattern ROUTES_LINE = Pattern.compile("(\\d+) imported, (\\d+) exported, (\\d+) preferred");

    private BirdReplyParser() {
    }

    /** The text of a raw line: without the {@code NNNN-} prefix or the continuation space. */
    static String text(String raw) {
        return raw.startsWith(" ") ? raw.substring(1) : raw.substring(5);
    }

    static Instant today(String time) {
        return LocalDate.now().atTime(LocalTime.parse(time)).atZone(ZoneId.systemDefault()).toInstant();
    }

    /** {@code show protocols [all]} back into views. */
    static List<ProtocolView> protocols(List<String> raw) {
        List<ProtocolView> views = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<List<String>> details = new ArrayList<>();
        int code = -1;
        for (String line : raw.subList(0, raw.size() - 1)) {
            if (!line.startsWith(" ")) {
                code = Integer.parseInt(line.substring(0, 4));
            }
            if (code == ReplyCodes.PROTOCOL_LIST) {
                rows.add(text(line));
                details.add(new ArrayList<>());
            } else if (code == ReplyCodes.PROTOCOL_DETAILS) {
                details.getLast().add(text(line));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Matcher m = ROW.matcher(rows.get(i));
            if (!m.matches()) {
                throw new AssertionError("not a protocol row: " + rows.get(i));
            }
            ProtocolType type = Arrays.stream(ProtocolType.values()).filter(t -> t.display().equals(m.group(2)))
                    .findFirst().orElseThrow();
            ProtocolState state = ProtocolState.valueOf(m.group(4).toUpperCase(java.util.Locale.ROOT));
            String since = m.group(5);
            String rest = m.group(6);
            String info = rest.length() >= 12 - since.length() ? rest.substring(12 - since.length()) : "";
            if (type == ProtocolType.BGP && state != ProtocolState.DOWN) {
                int space = info.indexOf(' ');
                String session = space < 0 ? info : info.substring(0, space);
                String error = space < 0 ? "" : info.substring(space).strip();
                info = ProtocolView.bgpInfo(state, session, error.isEmpty() ? Optional.empty() : Optional.of(error));
            }
            views.add(new ProtocolView(m.group(1), type, m.group(3), state, today(since), info, details(details.get(i))));
        }
        return views;
    }

    private static ProtocolDetails details(List<String> lines) {
        Optional<String> description = Optional.empty();
        int preference = 0;
        String in = "";
        String out = "";
        long[] routes = null;
        List<Counters> counters = new ArrayList<>();
        List<DetailLine> extra = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("Route change stats:")) {
                continue;
            }
            String label = stripped.substring(0, stripped.indexOf(':'));
            String value = line.length() > 18 ? line.substring(18) : "";
            switch (label) {
                case "Description" -> description = Optional.of(value);
                case "Preference" -> preference = Integer.parseInt(value.strip());
                case "Input filter" -> in = value;
                case "Output filter" -> out = value;
                case "Routes" -> {
                    Matcher m = ROUTES_LINE.matcher(value);
                    if (!m.find()) {
                        throw new AssertionError("routes line " + line);
                    }
                    routes = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
                }
                case "Import updates", "Import withdraws", "Export updates", "Export withdraws" -> {
                    long[] n = Arrays.stream(stripped.substring(label.length() + 1).strip().split("\\s+"))
                            .filter(s -> !s.equals("---")).mapToLong(Long::parseLong).toArray();
                    counters.add(switch (label) {
                        case "Import updates" -> new Counters(n[0], n[1], n[2], n[3], n[4]);
                        case "Import withdraws" -> new Counters(n[0], n[1], 0, n[2], n[3]);
                        case "Export updates" -> new Counters(n[0], n[1], n[2], 0, n[3]);
                        default -> new Counters(n[0], 0, 0, 0, n[1]);
                    });
                }
                default -> {
                    int indent = line.length() - line.stripLeading().length();
                    extra.add(new DetailLine(indent, label, line.substring(Math.min(22, line.length()))));
                }
            }
        }
        Optional<RouteStats> stats = routes == null ? Optional.empty() : Optional.of(new RouteStats(routes[0], routes[1],
                routes[2], counters.get(0), counters.get(1), counters.get(2), counters.get(3)));
        return new ProtocolDetails(description, preference, in, out, stats, extra);
    }

    /** {@code show route} back into views. */
    static List<RouteView> routes(List<String> raw) {
        List<RouteView> views = new ArrayList<>();
        String prefix = null;
        for (String line : raw.subList(0, raw.size() - 1)) {
            Matcher m = ROUTE.matcher(text(line));
            if (!m.matches()) {
                throw new AssertionError("not a route row: " + line);
            }
            prefix = m.group(1).isEmpty() ? prefix : m.group(1);
            String via = m.group(2);
            RouteView.Via parsed;
            if (via.equals("blackhole")) {
                parsed = new RouteView.Via.Blackhole();
            } else if (via.startsWith("dev ")) {
                parsed = new RouteView.Via.Device(via.substring(4));
            } else {
                String[] parts = via.split(" ");
                parsed = new RouteView.Via.Gateway(InetAddress.ofLiteral(parts[1]), parts[3]);
            }
            views.add(new RouteView(prefix, parsed, m.group(3), today(m.group(4)),
                    Optional.ofNullable(m.group(5)).map(InetAddress::ofLiteral), m.group(6) != null, m.group(7),
                    "unicast", List.of()));
        }
        return views;
    }
}
