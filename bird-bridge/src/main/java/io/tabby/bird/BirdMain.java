package io.tabby.bird;

import io.tabby.bird.config.BirdConfigException;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.daemon.BirdDaemon;
import io.tabby.bird.daemon.ConfigReader;
import io.tabby.bird.daemon.DaemonArgs;
import io.tabby.bird.daemon.DaemonSettings;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.NetNs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.apache.logging.log4j.LogManager;

/**
 * {@code tabby-bird}: BIRD 1.6's command line over Tabby's engine, the one place where the daemon is
 * wired to the real system (processes, the current network namespace, the system clock).
 * Exit status: 0 after a clean stop or a valid {@code -p}, 1 for a refused configuration or a
 * daemon that cannot start, as BIRD.
 */
public final class BirdMain {

    private BirdMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), RouterFamily.IPV4, "tabby-bird", System.out, System.err));
    }

    /** Also the entry of {@link Bird6Main}. */
    static int run(List<String> argv, RouterFamily family, String program, PrintStream out, PrintStream err) {
        DaemonArgs args;
        try {
            args = DaemonArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            err.println(program + ": " + e.getMessage());
            err.print(DaemonArgs.usage(program));
            return 1;
        }
        if (args.help()) {
            out.print(DaemonArgs.usage(program));
            return 0;
        }
        if (args.parseOnly()) {
            try {
                new ConfigReader(family).read(args.config());
                return 0;
            } catch (BirdConfigException e) {
                err.println(program + ": " + ConfigReader.describe(e));
                return 1;
            }
        }
        // Logging starts here, after the quiet parse-only path; -d must be known before the first logger.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "tabby-bird-log4j2.xml");
        }
        if (args.debug()) {
            System.setProperty("log4j2.level", "debug");
        }
        return serve(args, family, program, err);
    }

    private static int serve(DaemonArgs args, RouterFamily family, String program, PrintStream err) {
        BirdDaemon daemon;
        try {
            daemon = BirdDaemon.start(new DaemonSettings(args.config(), args.socket(), family, args.recovery(),
                    NetNs.root(), new ProcessCommandRunner(), Clock.systemDefaultZone()));
        } catch (BirdConfigException e) {
            err.println(program + ": " + ConfigReader.describe(e));
            return 1;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println(program + ": " + e.getMessage());
            return 1;
        }
        try {
            if (args.pidFile().isPresent()) {
                Files.writeString(args.pidFile().get(), ProcessHandle.current().pid() + "\n");
            }
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("bird-sigterm").unstarted(daemon::close));
            daemon.awaitStopped();
            return 0;
        } catch (IOException e) {
            err.println(program + ": cannot write pid file " + args.pidFile().get() + ": " + e.getMessage());
            daemon.close();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.close();
            return 1;
        } finally {
            args.pidFile().ifPresent(BirdMain::deleteQuietly);
            LogManager.shutdown();
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the pid file only helps scripts find the process; a leftover one names a dead pid
        }
    }
}
