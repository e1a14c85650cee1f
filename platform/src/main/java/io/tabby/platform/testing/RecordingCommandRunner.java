package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link CommandRunner} that runs nothing: it records each command and answers from a script.
 * Rules added with {@link #reply} are tried in order and the first whose predicate matches
 * answers; a command no rule matches succeeds with empty output.
 */
public final class RecordingCommandRunner implements CommandRunner {

    private record Rule(Predicate<Command> when, int exitCode, String stdout, String stderr) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();

    /** Answers commands matching {@code when} with this exit code and output. */
    public synchronized RecordingCommandRunner reply(Predicate<Command> when, int exitCode, String stdout, String stderr) {
        rules.add(new Rule(requireNonNull(when, "when is null"), exitCode,
                requireNonNull(stdout, "stdout is null"), requireNonNull(stderr, "stderr is null")));
        return this;
    }

    /** Answers commands whose argv contains {@code words} in order, next to each other, with success and {@code stdout}. */
    public RecordingCommandRunner replyTo(List<String> words, String stdout) {
        return reply(argvContains(words), 0, stdout, "");
    }

    /** A predicate: the argv contains {@code words} as a contiguous run. */
    public static Predicate<Command> argvContains(List<String> words) {
        List<String> copy = List.copyOf(words);
        return command -> java.util.Collections.indexOfSubList(command.argv(), copy) >= 0;
    }

    @Override
    public synchronized CommandResult run(Command command) {
        commands.add(requireNonNull(command, "command is null"));
        for (Rule rule : rules) {
            if (rule.when().test(command)) {
                return new CommandResult(command, rule.exitCode(), rule.stdout(), rule.stderr());
            }
        }
        return new CommandResult(command, 0, "", "");
    }

    /** Every command run so far, in order. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The argv of every command run so far, in order. */
    public synchronized List<List<String>> argvs() {
        return commands.stream().map(Command::argv).toList();
    }

    /** The last command run; throws if none ran. */
    public synchronized Command last() {
        if (commands.isEmpty()) {
            throw new IllegalStateException("no command has been run");
        }
        return commands.getLast();
    }
}
