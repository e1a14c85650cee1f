package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link SysctlOps} over the {@code sysctl} program run inside the namespace
 * ({@code ip netns exec} / {@code nsenter --net}), since {@code /proc/sys/net} shows the values of
 * the namespace the reading process is in.
 */
public final class LinuxSysctlOps implements SysctlOps {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_./-]+");

    private final CommandRunner runner;

    public LinuxSysctlOps(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    @Override
    public String read(NetNs ns, String key) {
        return runner.runChecked(Command.of(NamespaceArgv.exec(ns, List.of("sysctl", "-n", check(key)))))
                .stdout().strip();
    }

    @Override
    public void write(NetNs ns, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of("sysctl", "-q", "-w"));
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> argv.add(check(e.getKey()) + "=" + checkValue(e.getKey(), e.getValue())));
        runner.runChecked(Command.of(NamespaceArgv.exec(ns, argv)));
    }

    private static String check(String key) {
        requireNonNull(key, "sysctl key is null");
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("'" + key + "' is not a sysctl key like net.ipv4.ip_forward");
        }
        return key;
    }

    private static String checkValue(String key, String value) {
        requireNonNull(value, "value of " + key + " is null");
        if (value.contains("\n") || value.contains("=")) {
            throw new IllegalArgumentException("value '" + value + "' for sysctl " + key + " contains '=' or a newline");
        }
        return value;
    }
}
