package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of a rendered file that {@code check_cmd} complained about. Checkers name the file they
 * read and a line number ({@code bird: /etc/calico/confd/config/.bird.cfg123:6:12 Number out of
 * range}, {@code ..., line 6}, {@code ... in /path:6}); the stage file is gone by the time anyone
 * reads the log, so the log quotes the line itself.
 *
 * @param number the 1-based line number the checker named
 * @param text that line of the rendered content (empty if the number is past the end)
 */
record RejectedLine(int number, String text) {

    RejectedLine {
        requireNonNull(text, "text is null");
        if (number < 1) {
            throw new IllegalArgumentException("line number must be at least 1, got " + number);
        }
    }

    /**
     * The line of the rendered file that {@code checkerOutput} names, quoted from {@code content}:
     * named by the stage file's name or, for a check that copies the file under its destination's
     * name (the BIRD fragments' checks do), by that name.
     */
    static Optional<RejectedLine> find(Path staged, Path dest, String checkerOutput, String content) {
        requireNonNull(staged, "staged is null");
        requireNonNull(dest, "dest is null");
        requireNonNull(checkerOutput, "checkerOutput is null");
        requireNonNull(content, "content is null");
        Matcher matcher = where(staged).matcher(checkerOutput);
        if (!matcher.find()) {
            matcher = where(dest).matcher(checkerOutput);
            if (!matcher.find()) {
                return Optional.empty();
            }
        }
        int number = Integer.parseInt(matcher.group(1));
        if (number < 1) {
            return Optional.empty();
        }
        String[] lines = content.split("\n", -1);
        return Optional.of(new RejectedLine(number, number <= lines.length ? lines[number - 1].strip() : ""));
    }

    /** The file's name as a whole path component, then a line number in one of the checkers' formats. */
    private static Pattern where(Path file) {
        return Pattern.compile("(?:^|(?<=[/\\s\"'(]))" + Pattern.quote(file.getFileName().toString())
                + "(?::|, line |\\s+line\\s+)(\\d{1,9})");
    }

    @Override
    public String toString() {
        return "rendered line " + number + (text.isEmpty() ? "" : ": `" + text + "`");
    }
}
