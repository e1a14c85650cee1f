package io.tabby.confd.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable set of keys and values one render reads, with memkv's lookups. A missing key or
 * prefix is never an error here: it reads as absent or empty.
 */
public final class KvView {
    private static final KvView EMPTY = new KvView(new TreeMap<>());

    private final NavigableMap<String, String> entries;

    private KvView(NavigableMap<String, String> entries) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
    }

    /** A view of exactly these entries (copied). */
    public static KvView of(Map<String, String> entries) {
        return new KvView(new TreeMap<>(requireNonNull(entries, "entries is null")));
    }

    public static KvView empty() {
        return EMPTY;
    }

    /** All keys and values, sorted by key. */
    public NavigableMap<String, String> entries() {
        return entries;
    }

    /** memkv {@code Get}: the pair at exactly {@code key}. */
    public Optional<KvPair> get(String key) {
        String value = entries.get(key);
        return value == null ? Optional.empty() : Optional.of(new KvPair(key, value));
    }

    /** memkv {@code Exists}: whether a leaf sits at exactly {@code key}. */
    public boolean exists(String key) {
        return entries.containsKey(key);
    }

    /** memkv {@code GetAll}: pairs whose whole key matches the glob, sorted by key. */
    public List<KvPair> glob(GlobPattern pattern) {
        List<KvPair> matches = new ArrayList<>();
        entries.forEach((key, value) -> {
            if (pattern.matches(key)) {
                matches.add(new KvPair(key, value));
            }
        });
        return matches;
    }

    /** memkv {@code GetAllValues}: values of the pairs the glob matches, sorted by value. */
    public List<String> globValues(GlobPattern pattern) {
        List<String> values = new ArrayList<>();
        for (KvPair pair : glob(pattern)) {
            values.add(pair.value());
        }
        Collections.sort(values);
        return values;
    }

    /**
     * memkv {@code List}: sorted, distinct names of the immediate children of {@code dir}, leaves and
     * sub-directories alike; a leaf at exactly {@code dir} contributes its own base name.
     */
    public List<String> list(String dir) {
        List<String> dirTerms = SlashPath.terms(dir);
        TreeSet<String> names = new TreeSet<>();
        for (String key : entries.keySet()) {
            if (key.equals(dir)) {
                names.add(SlashPath.base(key));
                continue;
            }
            if (startsWithTerms(SlashPath.terms(SlashPath.dir(key)), dirTerms)) {
                String rest = stripPrefix(key, dir);
                int slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return List.copyOf(names);
    }

    /** memkv {@code ListDir}: sorted names of the immediate children of {@code dir} that have keys beneath them. */
    public List<String> listDirs(String dir) {
        List<String> dirTerms = SlashPath.terms(dir);
        TreeSet<String> names = new TreeSet<>();
        for (String key : entries.keySet()) {
            if (!key.startsWith(dir)) {
                continue;
            }
            List<String> parent = SlashPath.terms(SlashPath.dir(key));
            if (startsWithTerms(parent, dirTerms) && parent.size() > dirTerms.size()) {
                names.add(parent.get(dirTerms.size()));
            }
        }
        return List.copyOf(names);
    }

    public int size() {
        return entries.size();
    }

    private static boolean startsWithTerms(List<String> terms, List<String> prefix) {
        return terms.size() >= prefix.size() && terms.subList(0, prefix.size()).equals(prefix);
    }

    private static String stripPrefix(String key, String prefix) {
        String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    @Override
    public String toString() {
        return "KvView" + entries;
    }
}
