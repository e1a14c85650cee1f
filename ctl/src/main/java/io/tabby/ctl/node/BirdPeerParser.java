package io.tabby.ctl.node;

import io.tabby.ctl.CtlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the raw {@code show protocols} reply of the control socket into BGP peers, by calicoctl's
 * rules: {@code 0001} banner ignored, {@code 2002} heading must be exactly
 * {@code name proto table state since info}, {@code 1002-} and space-led lines are rows,
 * {@code 0000} ends; a row needs six columns, proto {@code BGP} and a name
 * {@code (Global|Node|Mesh)_<address>}; other rows (kernel1, static1, ...) are skipped.
 */
public final class BirdPeerParser {

    private static final List<String> HEADING = List.of("name", "proto", "table", "state", "since", "info");
    private static final Pattern PEER_NAME = Pattern.compile("^(Global|Node|Mesh)_(.+)$");
    private static final Map<String, String> PEER_TYPES =
            Map.of("Global", "global", "Mesh", "node-to-node mesh", "Node", "node specific");

    /** The address family the socket serves: it decides how {@code _} turns back into an address. */
    public enum Family {
        V4(".", "4"), V6(":", "6");

        private final String separator;
        private final String digit;

        Family(String separator, String digit) {
            this.separator = separator;
            this.digit = digit;
        }

        public String digit() {
            return digit;
        }
    }

    private BirdPeerParser() {
    }

    /**
     * Adds the peer of one line; returns true when the line ends the reply ({@code 0000}).
     *
     * @throws CtlException for a heading or line calicoctl would not accept
     */
    static boolean accept(String line, Family family, List<BgpPeerStatus> peers) {
        if (line.startsWith("0000")) {
            return true;
        }
        if (line.startsWith("0001")) {
            return false;
        }
        if (line.startsWith("2002")) {
            List<String> heading = List.of(line.substring(Math.min(5, line.length())).strip().split("\\s+"));
            if (!heading.equals(HEADING)) {
                throw new CtlException("Error executing command: unknown BIRD table output format (heading '"
                        + line + "')");
            }
            return false;
        }
        if (line.startsWith("1002")) {
            row(line.substring(Math.min(5, line.length())), family).ifPresent(peers::add);
            return false;
        }
        if (line.startsWith(" ")) {
            row(line.substring(1), family).ifPresent(peers::add);
            return false;
        }
        throw new CtlException("Error executing command: unexpected output line from BIRD: '" + line + "'");
    }

    /** Parses a whole reply, for tests and callers that already hold the lines. */
    public static List<BgpPeerStatus> parse(List<String> lines, Family family) {
        List<BgpPeerStatus> peers = new ArrayList<>();
        for (String line : lines) {
            if (accept(line, family, peers)) {
                break;
            }
        }
        return peers;
    }

    private static Optional<BgpPeerStatus> row(String text, Family family) {
        String[] columns = text.strip().split("\\s+");
        if (columns.length < 6 || !columns[1].equals("BGP")) {
            return Optional.empty();
        }
        Matcher name = PEER_NAME.matcher(columns[0]);
        if (!name.matches()) {
            return Optional.empty();
        }
        String address = name.group(2).replace("_", family.separator);
        StringBuilder info = new StringBuilder(columns[5]);
        for (int i = 6; i < columns.length; i++) {
            info.append(' ').append(columns[i]);
        }
        return Optional.of(new BgpPeerStatus(address, PEER_TYPES.get(name.group(1)), columns[3], columns[4],
                info.toString()));
    }
}
