package io.tabby.bench.bgp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A device under test running as its own process inside a namespace ({@code ip netns exec}
 * execs the program, so the PID is the daemon's). Output goes to a log file; {@link #close} stops
 * it by PID: SIGTERM, then SIGKILL after 5 s.
 */
final class DutProcess implements AutoCloseable {
    /** utime is field 14 of /proc/PID/stat; field 3 (state) is the first after the command name. */
    private static final int UTIME_AFTER_COMM = 14 - 3;
    /** USER_HZ, fixed at 100 on Linux for what /proc reports. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final Process process;
    private final Path log;

    private DutProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static DutProcess start(String namespace, Path log, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new DutProcess(process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", full), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident set size from /proc/PID/status (VmRSS), in bytes. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new IllegalStateException("no VmRSS line for PID " + pid());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid() + "/status: the device exited? log "
                    + log, e);
        }
    }

    /**
     * CPU time the process has used so far, user plus system, over all its threads, in seconds
     * (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s as Linux reports them).
     * Unlike wall time it does not grow when other programs compete for the cores.
     */
    double cpuSeconds() {
        Path stat = Path.of("/proc/" + pid() + "/stat");
        try {
            return ticks(Files.readString(stat)) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time in " + stat + ": the device exited? log " + log, e);
        }
    }

    /**
     * CPU seconds so far per thread name (/proc/PID/task/TID/comm, which Linux cuts at 15
     * characters), threads of one name summed: shows where a JVM's time went (the RIB thread,
     * the I/O threads, the collector's "GC Thread#n", the JIT's "C2 CompilerThre").
     */
    Map<String, Double> cpuSecondsByThread() {
        Map<String, Double> out = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid() + "/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("#?[0-9]+$", "");
                    out.merge(name, ticks(Files.readString(task.resolve("stat"))) / CLOCK_TICKS_PER_SECOND,
                            Double::sum);
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of PID " + pid() + ": the device exited? log "
                    + log, e);
        }
        return out;
    }

    private static long ticks(String statLine) {
        // The command name (field 2) sits in parentheses and may hold spaces: count from after it.
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]);
    }

    /** Sends a line to the process's standard input (the Tabby device's command channel). */
    void tell(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
