package io.tabby.platform.firewall;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.NamespaceArgv;
import io.tabby.platform.net.NetNs;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link IpsetOps} over the {@code ipset} program; members are read from {@code ipset save NAME},
 * all sets at once from one {@code ipset save} (a felix read-back of 2,000 sets is one program run,
 * not 2,000).
 */
public final class LinuxIpsetOps implements IpsetOps {

    private static final Pattern SET_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,31}");

    private final CommandRunner runner;

    public LinuxIpsetOps(CommandRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
    }

    @Override
    public void restore(NetNs ns, String payload) {
        requireNonNull(payload, "payload is null");
        runner.runChecked(Command.withStdin(NamespaceArgv.exec(ns, List.of("ipset", "restore")),
                payload.endsWith("\n") ? payload : payload + "\n"));
    }

    @Override
    public List<String> listNames(NetNs ns) {
        String out = runner.runChecked(Command.of(NamespaceArgv.exec(ns, List.of("ipset", "list", "-n")))).stdout();
        return out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @Override
    public Set<String> members(NetNs ns, String name) {
        String out = runner.runChecked(Command.of(NamespaceArgv.exec(ns, List.of("ipset", "save", check(name))))).stdout();
        return parseSave(out).getOrDefault(name, Set.of());
    }

    @Override
    public Map<String, Set<String>> saveAll(NetNs ns) {
        return parseSave(runner.runChecked(Command.of(NamespaceArgv.exec(ns, List.of("ipset", "save")))).stdout());
    }

    @Override
    public void destroy(NetNs ns, String name) {
        runner.runChecked(Command.of(NamespaceArgv.exec(ns, List.of("ipset", "destroy", check(name)))));
    }

    /** Each set of an {@code ipset save} with its members, in the order saved. */
    static Map<String, Set<String>> parseSave(String saveOutput) {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        saveOutput.lines().forEach(line -> {
            if (line.startsWith("create ")) {
                sets.computeIfAbsent(word(line, "create ".length()), name -> new LinkedHashSet<>());
            } else if (line.startsWith("add ")) {
                String name = word(line, "add ".length());
                String member = line.substring("add ".length() + name.length()).strip();
                sets.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(member);
            }
        });
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        sets.forEach((name, members) -> copy.put(name, Set.copyOf(members)));
        return copy;
    }

    private static String word(String line, int from) {
        int end = line.indexOf(' ', from);
        return end < 0 ? line.substring(from) : line.substring(from, end);
    }

    static String check(String name) {
        requireNonNull(name, "ipset name is null");
        if (!SET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an ipset name (1..31 letters, digits, _ . : -)");
        }
        return name;
    }
}
