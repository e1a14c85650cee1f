package io.tabby.confd.functions;

import io.tabby.confd.store.GlobPattern;
import io.tabby.confd.store.KvView;
import java.util.Map;

/**
 * memkv's functions over one render's {@link KvView}: {@code get}, {@code getv}, {@code gets},
 * {@code getvs}, {@code exists}, {@code ls}, {@code lsdir}. A missing key never fails.
 */
final class StoreFunctions {
    private StoreFunctions() {}

    static void addTo(Map<String, NamedMethod> functions, KvView view) {
        add(functions, "get", args -> view.get(args.count(1, 1, "get(key)").string(0)).orElse(null));
        add(functions, "getv", args -> {
            args.count(1, 2, "getv(key) or getv(key, default)");
            String value = view.entries().get(args.string(0));
            if (value != null) {
                return value;
            }
            return args.size() == 2 ? args.string(1) : "";
        });
        add(functions, "gets", args -> view.glob(glob(args.count(1, 1, "gets(pattern)").string(0))));
        add(functions, "getvs", args -> view.globValues(glob(args.count(1, 1, "getvs(pattern)").string(0))));
        add(functions, "exists", args -> view.exists(args.count(1, 1, "exists(key)").string(0)));
        add(functions, "ls", args -> view.list(args.count(1, 1, "ls(dir)").string(0)));
        add(functions, "lsdir", args -> view.listDirs(args.count(1, 1, "lsdir(dir)").string(0)));
    }

    private static GlobPattern glob(String pattern) {
        return GlobPattern.compile(pattern);
    }

    private static void add(Map<String, NamedMethod> functions, String name, ConfdFunction function) {
        functions.put(name, new NamedMethod(name, function));
    }
}
