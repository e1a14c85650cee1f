package io.tabby.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's resident memory from {@code /proc/<pid>/status}: {@code VmRSS} (now) and
 * {@code VmHWM} (the peak since it started), in kB.
 *
 * @param name what the tables call the process
 */
record ResidentMemory(String name, long rssKb, long peakKb) {

    static ResidentMemory of(String name, long pid) throws IOException {
        return parse(name, Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
    }

    static ResidentMemory parse(String name, List<String> status) {
        return new ResidentMemory(name, field(status, "VmRSS:"), field(status, "VmHWM:"));
    }

    double rssMb() {
        return rssKb / 1024.0;
    }

    double peakMb() {
        return peakKb / 1024.0;
    }

    private static long field(List<String> status, String name) {
        for (String line : status) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("no " + name + " line in the process status");
    }
}
