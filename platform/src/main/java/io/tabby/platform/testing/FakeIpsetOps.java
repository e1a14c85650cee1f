package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.firewall.IpsetOps;
import io.tabby.platform.net.NetNs;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link IpsetOps} over a {@link FakeKernel}. Restore understands {@code create}, {@code add},
 * {@code del}, {@code flush}, {@code swap}, {@code rename} and {@code destroy}, applies lines in
 * order and stops at the first refused one, as {@code ipset restore} does. Members are kept as
 * written (the fake does not canonicalise {@code 10.0.0.1/32} to {@code 10.0.0.1}).
 */
final class FakeIpsetOps implements IpsetOps {

    private final FakeKernel kernel;

    FakeIpsetOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public void restore(NetNs ns, String payload) {
        requireNonNull(payload, "payload is null");
        synchronized (kernel) {
            Map<String, FakeIpset> sets = kernel.namespace(ns).ipsets;
            int number = 0;
            for (String raw : payload.split("\n", -1)) {
                number++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.equals("COMMIT")) {
                    continue;
                }
                String[] words = line.split("\\s+");
                try {
                    applyLine(sets, words);
                } catch (IllegalStateException e) {
                    throw FakeKernel.fail("ipset restore", "ipset v7.17: Error in line " + number + ": " + e.getMessage());
                }
                kernel.record(ns, "ipset " + words[0], line);
            }
        }
    }

    private static void applyLine(Map<String, FakeIpset> sets, String[] words) {
        String command = words[0];
        String name = words.length > 1 ? words[1] : null;
        switch (command) {
            case "create", "-N" -> {
                if (sets.containsKey(name)) {
                    throw new IllegalStateException("Set cannot be created: set with the same name already exists");
                }
                sets.put(name, new FakeIpset(words.length > 2 ? words[2] : "hash:ip"));
            }
            case "add", "-A" -> {
                if (!existing(sets, name).members.add(words[2])) {
                    throw new IllegalStateException("Element cannot be added to the set: it's already added");
                }
            }
            case "del", "-D" -> {
                if (!existing(sets, name).members.remove(words[2])) {
                    throw new IllegalStateException("Element cannot be deleted from the set: it's not added");
                }
            }
            case "flush", "-F" -> {
                if (name == null) {
                    sets.values().forEach(set -> set.members.clear());
                } else {
                    existing(sets, name).members.clear();
                }
            }
            case "destroy", "-X" -> {
                if (name == null) {
                    sets.clear();
                } else {
                    existing(sets, name);
                    sets.remove(name);
                }
            }
            case "swap", "-W" -> {
                FakeIpset a = existing(sets, name);
                FakeIpset b = existing(sets, words[2]);
                sets.put(name, b);
                sets.put(words[2], a);
            }
            case "rename", "-E" -> {
                FakeIpset set = existing(sets, name);
                if (sets.containsKey(words[2])) {
                    throw new IllegalStateException("Set cannot be renamed: a set with the new name already exists");
                }
                sets.remove(name);
                sets.put(words[2], set);
            }
            default -> throw new IllegalStateException("Unknown command " + command);
        }
    }

    private static FakeIpset existing(Map<String, FakeIpset> sets, String name) {
        FakeIpset set = sets.get(name);
        if (set == null) {
            throw new IllegalStateException("The set with the given name does not exist");
        }
        return set;
    }

    @Override
    public List<String> listNames(NetNs ns) {
        synchronized (kernel) {
            return List.copyOf(kernel.namespace(ns).ipsets.keySet());
        }
    }

    @Override
    public Set<String> members(NetNs ns, String name) {
        synchronized (kernel) {
            FakeIpset set = kernel.namespace(ns).ipsets.get(name);
            if (set == null) {
                throw FakeKernel.fail("ipset save", "ipset v7.17: The set with the given name does not exist");
            }
            return Set.copyOf(set.members);
        }
    }

    @Override
    public void destroy(NetNs ns, String name) {
        synchronized (kernel) {
            if (kernel.namespace(ns).ipsets.remove(name) == null) {
                throw FakeKernel.fail("ipset destroy", "ipset v7.17: The set with the given name does not exist");
            }
            kernel.record(ns, "ipset destroy", name);
        }
    }
}
