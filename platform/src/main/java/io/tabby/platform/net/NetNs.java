package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

/**
 * A network namespace to act in: the one this process runs in, a named one (under
 * {@code /var/run/netns}, made by {@code ip netns add}), or one given by path (a CNI_NETNS such
 * as {@code /proc/1234/ns/net} or a bind mount).
 */
public sealed interface NetNs {

    /** The namespace the process itself is in. */
    static NetNs root() {
        return Root.INSTANCE;
    }

    static NetNs named(String name) {
        return new Named(name);
    }

    static NetNs path(String path) {
        return new Path(path);
    }

    /** The current (root) namespace. */
    enum Root implements NetNs {
        INSTANCE;

        @Override
        public String toString() {
            return "root";
        }
    }

    /** A namespace under {@code /var/run/netns/<name>}. */
    record Named(String name) implements NetNs {
        public Named {
            requireNonNull(name, "name is null");
            if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("netns name '" + name
                        + "' is not a plain name; use NetNs.path(...) for a path");
            }
        }

        @Override
        public String toString() {
            return "netns " + name;
        }
    }

    /** A namespace reached through a file, e.g. {@code /proc/<pid>/ns/net}. */
    record Path(String path) implements NetNs {
        public Path {
            requireNonNull(path, "path is null");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("netns path '" + path + "' must be absolute");
            }
        }

        @Override
        public String toString() {
            return "netns path " + path;
        }
    }
}
