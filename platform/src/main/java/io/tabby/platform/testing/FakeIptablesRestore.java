package io.tabby.platform.testing;

import io.tabby.platform.firewall.IptablesTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets an {@code iptables-restore --noflush} payload against fake tables. Supported:
 * {@code *table}, {@code :chain policy [c]} (creates a user chain or flushes an existing one, sets
 * a built-in chain's policy), {@code -A}, {@code -I [n]}, {@code -D spec|n}, {@code -R n},
 * {@code -F [chain]}, {@code -N}, {@code -X}, {@code -P} and {@code COMMIT}. Each table commits
 * atomically at its COMMIT; an error leaves the failing table untouched and stops the restore.
 */
final class FakeIptablesRestore {

    private static final Pattern TARGET = Pattern.compile("(?:^|\\s)-[jg]\\s+(\\S+)");
    private static final Pattern EXTENSION_TARGET = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** A restore line the fake refuses; message in iptables-restore's words. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private FakeIptablesRestore() {
    }

    /**
     * Applies {@code payload}; {@code tables} supplies the committed state of a table,
     * {@code commit} stores a table at COMMIT.
     */
    static void apply(String payload, Function<IptablesTable, FakeIptablesTable> tables,
                      Consumer<FakeIptablesTable> commit) {
        FakeIptablesTable working = null;
        int number = 0;
        for (String raw : payload.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("*")) {
                    if (working != null) {
                        throw new Failed("COMMIT expected before a new table");
                    }
                    working = tables.apply(IptablesTable.ofName(line.substring(1))).copy();
                } else if (working == null) {
                    throw new Failed("no table selected (missing '*table' line)");
                } else if (line.equals("COMMIT")) {
                    commit.accept(working);
                    working = null;
                } else {
                    applyLine(working, line);
                }
            } catch (Failed | IllegalArgumentException e) {
                throw new Failed("iptables-restore: line " + number + " failed: " + e.getMessage());
            }
        }
        if (working != null) {
            throw new Failed("iptables-restore: COMMIT expected at line " + (number + 1));
        }
    }

    private static void applyLine(FakeIptablesTable t, String line) {
        if (line.startsWith(":")) {
            String[] parts = line.substring(1).split("\\s+");
            String chain = parts[0];
            if (t.builtin(chain)) {
                if (parts.length > 1 && !parts[1].equals("-")) {
                    t.policies.put(chain, parts[1]);
                }
            } else {
                t.policies.putIfAbsent(chain, "-");
                t.rules.put(chain, new ArrayList<>());
            }
            return;
        }
        String[] head = line.split("\\s+", 3);
        String option = head[0];
        String chain = head.length > 1 ? head[1] : null;
        String rest = head.length > 2 ? head[2] : "";
        switch (option) {
            case "-A" -> rules(t, chain).add(checkTarget(t, rest));
            case "-I" -> insert(t, chain, rest);
            case "-D" -> delete(t, chain, rest);
            case "-R" -> replace(t, chain, rest);
            case "-F" -> {
                if (chain == null) {
                    t.rules.values().forEach(List::clear);
                } else {
                    rules(t, chain).clear();
                }
            }
            case "-N" -> {
                if (t.policies.containsKey(chain)) {
                    throw new Failed("Chain already exists: " + chain);
                }
                t.policies.put(chain, "-");
                t.rules.put(chain, new ArrayList<>());
            }
            case "-X" -> deleteChain(t, chain);
            case "-P" -> {
                rules(t, chain);
                t.policies.put(chain, rest.strip());
            }
            default -> throw new Failed("unknown option '" + option + "'");
        }
    }

    private static void insert(FakeIptablesTable t, String chain, String rest) {
        List<String> rules = rules(t, chain);
        String[] parts = rest.split("\\s+", 2);
        if (parts[0].matches("\\d+")) {
            int position = Integer.parseInt(parts[0]);
            if (position < 1 || position > rules.size() + 1) {
                throw new Failed("Index of insertion too big");
            }
            rules.add(position - 1, checkTarget(t, parts.length > 1 ? parts[1] : ""));
        } else {
            rules.addFirst(checkTarget(t, rest));
        }
    }

    private static void delete(FakeIptablesTable t, String chain, String rest) {
        List<String> rules = rules(t, chain);
        if (rest.strip().matches("\\d+")) {
            int index = Integer.parseInt(rest.strip());
            if (index < 1 || index > rules.size()) {
                throw new Failed("Index of deletion too big");
            }
            rules.remove(index - 1);
        } else if (!rules.remove(rest.strip())) {
            throw new Failed("Bad rule (does a matching rule exist in that chain?)");
        }
    }

    private static void replace(FakeIptablesTable t, String chain, String rest) {
        List<String> rules = rules(t, chain);
        String[] parts = rest.split("\\s+", 2);
        int index = Integer.parseInt(parts[0]);
        if (index < 1 || index > rules.size()) {
            throw new Failed("Index of replacement too big");
        }
        rules.set(index - 1, checkTarget(t, parts.length > 1 ? parts[1] : ""));
    }

    private static void deleteChain(FakeIptablesTable t, String chain) {
        if (chain == null || t.builtin(chain)) {
            throw new Failed("can only delete a named user-defined chain");
        }
        List<String> rules = rules(t, chain);
        if (!rules.isEmpty()) {
            throw new Failed("Directory not empty: chain " + chain + " still has rules");
        }
        boolean referenced = t.rules.values().stream().flatMap(List::stream)
                .anyMatch(spec -> chain.equals(target(spec)));
        if (referenced) {
            throw new Failed("Too many links: chain " + chain + " is still referenced");
        }
        t.policies.remove(chain);
        t.rules.remove(chain);
    }

    private static List<String> rules(FakeIptablesTable t, String chain) {
        if (chain == null || !t.rules.containsKey(chain)) {
            throw new Failed("Chain '" + chain + "' does not exist");
        }
        return t.rules.get(chain);
    }

    private static String checkTarget(FakeIptablesTable t, String spec) {
        String target = target(spec);
        if (target != null && !t.rules.containsKey(target) && !EXTENSION_TARGET.matcher(target).matches()) {
            throw new Failed("Couldn't load target `" + target + "'");
        }
        return spec.strip();
    }

    private static String target(String spec) {
        Matcher matcher = TARGET.matcher(spec);
        return matcher.find() ? matcher.group(1) : null;
    }
}
