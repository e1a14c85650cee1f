package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * BIRD 1.6's command line, as {@code tabby-bird} takes it.
 *
 * @param config {@code -c}: the configuration file
 * @param socket {@code -s}: the control socket
 * @param parseOnly {@code -p}: parse the configuration and exit
 * @param foreground {@code -f}: accepted for compatibility; tabby-bird always runs in the foreground
 * @param debug {@code -d}: debug logging (and foreground, as in BIRD)
 * @param pidFile {@code -P}: write the process id there
 * @param recovery {@code -R}: graceful restart recovery after a restart of the daemon
 * @param help {@code --help}
 */
public record DaemonArgs(Path config, Path socket, boolean parseOnly, boolean foreground, boolean debug,
        Optional<Path> pidFile, boolean recovery, boolean help) {

    /** BIRD's defaults with the usual prefix. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/bird.conf");
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/bird.ctl");

    public DaemonArgs {
        requireNonNull(config, "config is null");
        requireNonNull(socket, "socket is null");
        requireNonNull(pidFile, "pidFile is null");
    }

    /**
     * Reads {@code argv}.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static DaemonArgs parse(List<String> argv) {
        Path config = DEFAULT_CONFIG;
        Path socket = DEFAULT_SOCKET;
        boolean parseOnly = false;
        boolean foreground = false;
        boolean debug = false;
        boolean recovery = false;
        boolean help = false;
        Optional<Path> pidFile = Optional.empty();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            switch (arg) {
                case "-c" -> config = Path.of(value(argv, ++i, arg));
                case "-s" -> socket = Path.of(value(argv, ++i, arg));
                case "-P" -> pidFile = Optional.of(Path.of(value(argv, ++i, arg)));
                case "-p" -> parseOnly = true;
                case "-f" -> foreground = true;
                case "-d" -> debug = true;
                case "-R" -> recovery = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
            }
        }
        return new DaemonArgs(config, socket, parseOnly, foreground, debug, pidFile, recovery, help);
    }

    private static String value(List<String> argv, int index, String option) {
        if (index >= argv.size()) {
            throw new IllegalArgumentException("option " + option + " needs a value; see --help");
        }
        return argv.get(index);
    }

    /** What {@code --help} prints. */
    public static String usage(String program) {
        return """
                Usage: %1$s [--help] [-c <config-file>] [OPTIONS]

                Options:
                  -c <config-file>   Use this configuration file instead of %2$s
                  -d                 Log debug messages (runs in the foreground, as always)
                  -f                 Run in the foreground. Accepted for BIRD compatibility: %1$s is a
                                     JVM and never daemonizes; run it under a supervisor or with &
                  -p                 Parse the configuration and exit: status 0 and no output when it is
                                     valid, else status 1 and file:line:col with what is wrong
                  -P <pid-file>      Write the process id to this file
                  -R                 Graceful restart recovery: keep the kernel routes of the previous run
                                     until the peers have re-sent theirs
                  -s <control-socket> Use this control socket instead of %3$s
                """.formatted(program, DEFAULT_CONFIG, DEFAULT_SOCKET);
    }
}
