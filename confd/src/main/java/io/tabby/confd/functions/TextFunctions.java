package io.tabby.confd.functions;

import io.tabby.confd.store.SlashPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * confd's string and path helpers with Go's semantics: {@code base}, {@code dir}, {@code split},
 * {@code join}, {@code toUpper}, {@code toLower}, {@code contains}, {@code replace},
 * {@code trimSuffix}, {@code hasSuffix}, {@code base64Encode}, {@code base64Decode}.
 */
final class TextFunctions {
    private TextFunctions() {}

    static void addTo(Map<String, NamedMethod> functions) {
        add(functions, "base", args -> SlashPath.base(args.count(1, 1, "base(path)").string(0)));
        add(functions, "dir", args -> SlashPath.dir(args.count(1, 1, "dir(path)").string(0)));
        add(functions, "split", args -> split(args.count(2, 2, "split(s, sep)").string(0), args.string(1)));
        add(functions, "join", args -> String.join(args.count(2, 2, "join(list, sep)").string(1), args.strings(0)));
        add(functions, "toUpper", args -> args.count(1, 1, "toUpper(s)").string(0).toUpperCase(Locale.ROOT));
        add(functions, "toLower", args -> args.count(1, 1, "toLower(s)").string(0).toLowerCase(Locale.ROOT));
        add(functions, "contains", args -> args.count(2, 2, "contains(s, substr)").string(0).contains(args.string(1)));
        add(functions, "replace", args -> replace(args.count(4, 4, "replace(s, old, new, n)").string(0),
                args.string(1), args.string(2), args.integer(3)));
        add(functions, "trimSuffix", args -> {
            String s = args.count(2, 2, "trimSuffix(s, suffix)").string(0);
            String suffix = args.string(1);
            return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
        });
        add(functions, "hasSuffix", args -> args.count(2, 2, "hasSuffix(s, suffix)").string(0).endsWith(args.string(1)));
        add(functions, "base64Encode", args -> Base64.getEncoder().encodeToString(
                args.count(1, 1, "base64Encode(s)").string(0).getBytes(StandardCharsets.UTF_8)));
        add(functions, "base64Decode", args -> {
            try {
                return new String(Base64.getDecoder().decode(args.count(1, 1, "base64Decode(s)").string(0)),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not standard base64: " + e.getMessage(), e);
            }
        });
    }

    /** Go's {@code strings.Split}: an empty separator splits into characters; empties are kept. */
    static List<String> split(String s, String sep) {
        if (sep.isEmpty()) {
            return s.codePoints().mapToObj(Character::toString).toList();
        }
        return Arrays.asList(s.split(Pattern.quote(sep), -1));
    }

    /** Go's {@code strings.Replace}: at most {@code n} replacements, all when {@code n < 0}. */
    static String replace(String s, String old, String replacement, long n) {
        if (n == 0 || old.equals(replacement)) {
            return s;
        }
        long limit = n < 0 ? Long.MAX_VALUE : n;
        StringBuilder out = new StringBuilder();
        if (old.isEmpty()) {
            // Go matches an empty string at the start and after every character
            List<String> chars = new ArrayList<>(split(s, ""));
            long done = 0;
            for (String c : chars) {
                if (done < limit) {
                    out.append(replacement);
                    done++;
                }
                out.append(c);
            }
            if (done < limit) {
                out.append(replacement);
            }
            return out.toString();
        }
        int from = 0;
        long done = 0;
        int at;
        while (done < limit && (at = s.indexOf(old, from)) >= 0) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
            done++;
        }
        return out.append(s.substring(from)).toString();
    }

    private static void add(Map<String, NamedMethod> functions, String name, ConfdFunction function) {
        functions.put(name, new NamedMethod(name, function));
    }
}
