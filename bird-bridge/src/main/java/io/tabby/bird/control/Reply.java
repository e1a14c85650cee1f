package io.tabby.bird.control;

import java.util.ArrayList;
import java.util.List;

/**
 * One reply to one command, built line by line and rendered in BIRD's framing: the first line of
 * each run of equal codes is {@code NNNN-text}, the others {@code " text"}; the reply ends with a
 * final {@code NNNN text} line or, if none was given, with {@code "0000 "}.
 */
final class Reply {

    private record Line(int code, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private Line end;

    /** A line that more lines follow. */
    Reply line(int code, String text) {
        if (end != null) {
            throw new IllegalStateException("the reply already ended with code " + end.code);
        }
        lines.add(new Line(code, text));
        return this;
    }

    /** The final line; without one the reply ends with {@code 0000}. */
    Reply end(int code, String text) {
        if (end != null) {
            throw new IllegalStateException("the reply already ended with code " + end.code);
        }
        end = new Line(code, text);
        return this;
    }

    static Reply single(int code, String text) {
        return new Reply().end(code, text);
    }

    /** The reply as sent: lines separated and terminated by {@code \n}. */
    String render() {
        StringBuilder out = new StringBuilder();
        int previous = -1;
        for (Line line : lines) {
            if (line.code == previous) {
                out.append(' ').append(line.text).append('\n');
            } else {
                out.append(String.format("%04d-", line.code)).append(line.text).append('\n');
            }
            previous = line.code;
        }
        Line last = end != null ? end : new Line(0, "");
        out.append(String.format("%04d ", last.code)).append(last.text).append('\n');
        return out.toString();
    }
}
