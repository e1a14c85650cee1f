package io.tabby.bird.control;

import io.tabby.platform.net.IpPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one command line. Words are separated by blanks; a pattern or file name may be quoted
 * ({@code "Mesh_*"}). Anything else is a parse error, answered as BIRD does with
 * {@code 9001 syntax error}.
 */
final class CommandParser {

    private static final ControlCommand SYNTAX_ERROR = new ControlCommand.Invalid(ReplyCodes.PARSE_ERROR, "syntax error");

    private record Word(String text, boolean quoted) {}

    private CommandParser() {
    }

    static ControlCommand parse(String line) {
        List<Word> words = split(line);
        if (words == null || words.isEmpty()) {
            return SYNTAX_ERROR;
        }
        String first = words.getFirst().text;
        List<Word> rest = words.subList(1, words.size());
        return switch (first) {
            case "show" -> show(rest);
            case "configure" -> configure(rest);
            case "enable" -> toggle(ControlCommand.Action.ENABLE, rest);
            case "disable" -> toggle(ControlCommand.Action.DISABLE, rest);
            case "restart" -> toggle(ControlCommand.Action.RESTART, rest);
            case "down" -> rest.isEmpty() ? new ControlCommand.Down() : SYNTAX_ERROR;
            default -> SYNTAX_ERROR;
        };
    }

    private static ControlCommand show(List<Word> words) {
        if (words.isEmpty()) {
            return SYNTAX_ERROR;
        }
        List<Word> rest = words.subList(1, words.size());
        return switch (words.getFirst().text) {
            case "protocols" -> showProtocols(rest);
            case "route" -> showRoute(rest);
            case "status" -> rest.isEmpty() ? new ControlCommand.ShowStatus() : SYNTAX_ERROR;
            default -> SYNTAX_ERROR;
        };
    }

    private static ControlCommand showProtocols(List<Word> words) {
        int i = 0;
        boolean all = i < words.size() && !words.get(i).quoted && words.get(i).text.equals("all");
        if (all) {
            i++;
        }
        Optional<String> name = Optional.empty();
        boolean pattern = false;
        if (i < words.size()) {
            name = Optional.of(words.get(i).text);
            pattern = words.get(i).quoted;
            i++;
        }
        return i == words.size() ? new ControlCommand.ShowProtocols(all, name, pattern) : SYNTAX_ERROR;
    }

    private static ControlCommand showRoute(List<Word> words) {
        boolean all = false;
        boolean count = false;
        Optional<InetAddress> forAddress = Optional.empty();
        Optional<String> protocol = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text;
            switch (word) {
                case "all" -> all = true;
                case "count", "stats" -> count = true;
                case "for" -> {
                    if (++i == words.size()) {
                        return SYNTAX_ERROR;
                    }
                    try {
                        forAddress = Optional.of(IpPrefix.parse(words.get(i).text).address());
                    } catch (IllegalArgumentException e) {
                        return SYNTAX_ERROR;
                    }
                }
                case "protocol" -> {
                    if (++i == words.size()) {
                        return SYNTAX_ERROR;
                    }
                    protocol = Optional.of(words.get(i).text);
                }
                default -> {
                    return SYNTAX_ERROR;
                }
            }
        }
        return new ControlCommand.ShowRoute(all, new RouteQuery(forAddress, protocol), count);
    }

    private static ControlCommand configure(List<Word> words) {
        int i = 0;
        boolean check = i < words.size() && !words.get(i).quoted && words.get(i).text.equals("check");
        if (check) {
            i++;
        }
        Optional<String> file = Optional.empty();
        if (i < words.size() && words.get(i).quoted) {
            file = Optional.of(words.get(i).text);
            i++;
        }
        return i == words.size() ? new ControlCommand.Configure(check, file) : SYNTAX_ERROR;
    }

    private static ControlCommand toggle(ControlCommand.Action action, List<Word> words) {
        if (words.size() != 1) {
            return SYNTAX_ERROR;
        }
        return new ControlCommand.Toggle(action, words.getFirst().text, words.getFirst().quoted);
    }

    /** The words of {@code line}, or null when a quote is not closed. */
    private static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return null;
                }
                words.add(new Word(line.substring(i + 1, close), true));
                i = close + 1;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '"') {
                    end++;
                }
                words.add(new Word(line.substring(i, end), false));
                i = end;
            }
        }
        return words;
    }
}
