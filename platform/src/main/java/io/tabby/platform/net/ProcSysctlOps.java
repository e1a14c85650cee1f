package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@link SysctlOps} that reads and writes the files under {@code /proc/sys} itself for the
 * namespace this process runs in ({@link NetNs#root()}): {@code /proc/sys/net} shows the values of
 * the reader's own namespace, so no {@code sysctl} process is needed there. Every other namespace
 * goes to {@code elsewhere} (e.g. {@link LinuxSysctlOps}, which runs {@code sysctl} inside it).
 */
public final class ProcSysctlOps implements SysctlOps {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_./-]+");

    private final Path procSys;
    private final SysctlOps elsewhere;

    public ProcSysctlOps(SysctlOps elsewhere) {
        this(Path.of("/proc/sys"), elsewhere);
    }

    /** @param procSys where the sysctl tree is mounted ({@code /proc/sys}; a directory in tests) */
    public ProcSysctlOps(Path procSys, SysctlOps elsewhere) {
        this.procSys = requireNonNull(procSys, "procSys is null");
        this.elsewhere = requireNonNull(elsewhere, "elsewhere is null");
    }

    @Override
    public String read(NetNs ns, String key) {
        if (!(ns instanceof NetNs.Root)) {
            return elsewhere.read(ns, key);
        }
        Path file = file(key);
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sysctl " + key + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void write(NetNs ns, Map<String, String> values) {
        if (!(ns instanceof NetNs.Root)) {
            elsewhere.write(ns, values);
            return;
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            Path file = file(entry.getKey());
            String value = requireNonNull(entry.getValue(), "value of " + entry.getKey() + " is null");
            if (value.contains("\n") || value.contains("=")) {
                throw new IllegalArgumentException("value '" + value + "' for sysctl " + entry.getKey()
                        + " contains '=' or a newline");
            }
            try {
                Files.writeString(file, value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set sysctl " + entry.getKey() + "=" + value + " (" + file
                        + "): " + e.getMessage() + "; does the interface exist, and does this process run as root?", e);
            }
        }
    }

    /** The file of a dotted ({@code net.ipv4.ip_forward}) or slashed ({@code net/ipv4/conf/vxlan.calico/x}) key. */
    Path file(String key) {
        requireNonNull(key, "sysctl key is null");
        if (!KEY.matcher(key).matches() || key.contains("..") || key.startsWith("/") || key.startsWith(".")) {
            throw new IllegalArgumentException("'" + key + "' is not a sysctl key like net.ipv4.ip_forward");
        }
        return procSys.resolve(key.contains("/") ? key : key.replace('.', '/'));
    }
}
