package io.tabby.bench.felix;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every command a long timeout (restoring a quarter of a million rules takes longer than the
 * platform's default of 30 seconds on a small machine), and remembers the kernel writes felix made
 * ({@code ipset restore}, {@code iptables-*-restore}) since the last {@link #takeWrites()}, so the
 * benchmark can replay exactly those into a twin namespace.
 */
final class LongCommands implements CommandRunner {
    private final CommandRunner delegate;
    private final Duration timeout;
    private final List<Command> writes = new ArrayList<>();
    private long nanos;

    LongCommands(CommandRunner delegate, Duration timeout) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public CommandResult run(Command command) {
        Command longer = new Command(command.argv(), command.stdin(), timeout);
        if (command.stdin().isPresent() && command.argv().stream().anyMatch(a -> a.equals("restore")
                || a.endsWith("-restore"))) {
            writes.add(longer);
        }
        long start = System.nanoTime();
        try {
            return delegate.run(longer);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /** The restores run since the last call. */
    List<Command> takeWrites() {
        List<Command> taken = List.copyOf(writes);
        writes.clear();
        return taken;
    }

    /** Time spent in commands since the last call. */
    Duration takeCommandTime() {
        Duration spent = Duration.ofNanos(nanos);
        nanos = 0;
        return spent;
    }
}
