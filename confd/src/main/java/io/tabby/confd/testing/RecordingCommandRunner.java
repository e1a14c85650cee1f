package io.tabby.confd.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.command.CommandResult;
import io.tabby.confd.command.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link CommandRunner} that runs nothing: it records each command line and answers success,
 * or exit status 1 for commands matching {@link #failWhen}. Thread-safe.
 */
public final class RecordingCommandRunner implements CommandRunner {
    private final List<String> commands = new ArrayList<>();
    private volatile Predicate<String> failing = command -> false;

    @Override
    public synchronized CommandResult run(String command, Duration timeout) {
        requireNonNull(command, "command is null");
        commands.add(command);
        if (failing.test(command)) {
            return new CommandResult(1, "refused by the test", false);
        }
        return CommandResult.success();
    }

    /** From now on, commands matching {@code predicate} fail. */
    public void failWhen(Predicate<String> predicate) {
        failing = requireNonNull(predicate, "predicate is null");
    }

    /** Every command run so far, in order. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** How many commands so far started with {@code prefix}. */
    public synchronized long count(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
