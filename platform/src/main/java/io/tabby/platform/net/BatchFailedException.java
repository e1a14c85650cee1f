package io.tabby.platform.net;

import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.exec.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Some lines of an {@code ip -force -batch -} (or {@code bridge -batch -}) failed. Because the
 * batch runs with {@code -force}, every other line was still applied; {@link #failedLines()} says
 * which did not, so a caller can keep just those items dirty and retry them.
 */
public class BatchFailedException extends CommandFailedException {

    private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");

    private final List<Integer> failedLines;

    public BatchFailedException(CommandResult result) {
        super(result);
        this.failedLines = parseFailedLines(result.stderr());
    }

    /** 1-based numbers of the batch lines that failed (empty if the tool did not say). */
    public List<Integer> failedLines() {
        return failedLines;
    }

    /** The items whose batch lines failed, given the items in batch order (one line each). */
    public <T> List<T> failedItems(List<T> itemsInBatchOrder) {
        List<T> failed = new ArrayList<>();
        for (int line : failedLines) {
            if (line >= 1 && line <= itemsInBatchOrder.size()) {
                failed.add(itemsInBatchOrder.get(line - 1));
            }
        }
        return List.copyOf(failed);
    }

    static List<Integer> parseFailedLines(String stderr) {
        List<Integer> lines = new ArrayList<>();
        Matcher matcher = FAILED_LINE.matcher(stderr);
        while (matcher.find()) {
            lines.add(Integer.parseInt(matcher.group(1)));
        }
        return List.copyOf(lines);
    }
}
