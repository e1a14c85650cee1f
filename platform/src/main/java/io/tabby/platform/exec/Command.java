package io.tabby.platform.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One program invocation: the argv (program first), an optional stdin payload and a timeout.
 *
 * @param argv    program and arguments; never run through a shell
 * @param stdin   text written to the program's standard input, then closed (batches)
 * @param timeout how long to wait before the process is killed
 */
public record Command(List<String> argv, Optional<String> stdin, Duration timeout) {

    /** The timeout used when a caller does not choose one: generous for a big batch, still bounded. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Command {
        argv = List.copyOf(requireNonNull(argv, "argv is null"));
        requireNonNull(stdin, "stdin is null");
        requireNonNull(timeout, "timeout is null");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty: a command needs at least the program name");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** A command without stdin and with the default timeout. */
    public static Command of(List<String> argv) {
        return new Command(argv, Optional.empty(), DEFAULT_TIMEOUT);
    }

    /** A command fed {@code stdin} (for {@code ip -batch -}, {@code iptables-restore}, ...). */
    public static Command withStdin(List<String> argv, String stdin) {
        return new Command(argv, Optional.of(requireNonNull(stdin, "stdin is null")), DEFAULT_TIMEOUT);
    }

    /** The argv joined with spaces, for messages and logs. */
    public String display() {
        return String.join(" ", argv);
    }
}
