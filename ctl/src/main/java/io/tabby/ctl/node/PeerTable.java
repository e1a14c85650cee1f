package io.tabby.ctl.node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * calicoctl's peer table: Go's {@code olekukonko/tablewriter} with its defaults. Headers upper-cased
 * and centred, {@code +---+} rules, cells left-aligned (number-like ones right-aligned), and a cell
 * wider than 30 columns wrapped at spaces into several lines with tablewriter's minimum-raggedness
 * rule, the column then being 30 wide ({@code Active Socket: Connection} / {@code refused}).
 */
final class PeerTable {

    static final List<String> HEADERS = List.of("PEER ADDRESS", "PEER TYPE", "STATE", "SINCE", "INFO");

    private static final int MAX_COLUMN_WIDTH = 30;
    private static final int PENALTY = 100_000;
    private static final Pattern NUMBER = Pattern.compile("^-?\\d*\\.?\\d*$");

    private PeerTable() {
    }

    static String render(List<BgpPeerStatus> peers) {
        int[] widths = new int[HEADERS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS.get(c).length();
        }
        List<List<List<String>>> rows = new ArrayList<>();
        for (BgpPeerStatus peer : peers) {
            List<String> cells = List.of(peer.peerAddress(), peer.peerType(), peer.state(), peer.since(), peer.info());
            List<List<String>> wrapped = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                int limit = Math.min(cell.length(), MAX_COLUMN_WIDTH);
                List<String> lines = wrap(cell, limit);
                int width = limit;
                for (String line : lines) {
                    width = Math.max(width, line.length());
                }
                widths[c] = Math.max(widths[c], width);
                wrapped.add(lines);
            }
            rows.add(wrapped);
        }
        StringBuilder out = new StringBuilder();
        rule(out, widths);
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String header = HEADERS.get(c);
            int gap = widths[c] - header.length();
            out.append(' ').append(" ".repeat(gap / 2)).append(header).append(" ".repeat(gap - gap / 2)).append(" |");
        }
        out.append('\n');
        rule(out, widths);
        for (List<List<String>> row : rows) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int line = 0; line < height; line++) {
                out.append('|');
                for (int c = 0; c < widths.length; c++) {
                    List<String> cell = row.get(c);
                    String text = line < cell.size() ? cell.get(line) : "";
                    String padding = " ".repeat(widths[c] - text.length());
                    boolean number = NUMBER.matcher(text.strip()).matches() && !text.isEmpty();
                    out.append(' ').append(number ? padding + text : text + padding).append(" |");
                }
                out.append('\n');
            }
        }
        rule(out, widths);
        return out.toString();
    }

    private static void rule(StringBuilder out, int[] widths) {
        out.append('+');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('+');
        }
        out.append('\n');
    }

    /**
     * Splits {@code text} at single spaces into lines of at most {@code limit} columns (a longer word
     * widens the limit), minimising the sum of squared gaps of every line but the last.
     */
    static List<String> wrap(String text, int limit) {
        String[] words = text.split(" ", -1);
        int n = words.length;
        for (String word : words) {
            limit = Math.max(limit, word.length());
        }
        int[] breakAt = new int[n];
        long[] cost = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            int rest = lengthOf(words, i, n - 1);
            if (rest <= limit) {
                breakAt[i] = n;
                continue;
            }
            cost[i] = Long.MAX_VALUE;
            for (int j = i + 1; j < n; j++) {
                int length = lengthOf(words, i, j - 1);
                long gap = limit - length;
                long c = gap * gap + cost[j] + (length > limit ? PENALTY : 0);
                if (c < cost[i]) {
                    cost[i] = c;
                    breakAt[i] = j;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i = breakAt[i]) {
            lines.add(String.join(" ", List.of(words).subList(i, breakAt[i])));
        }
        return lines;
    }

    private static int lengthOf(String[] words, int from, int to) {
        int length = to - from;
        for (int k = from; k <= to; k++) {
            length += words[k].length();
        }
        return length;
    }
}
