package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code CNI_*} environment of one invocation. Which variables are required depends on the
 * command (spec 1.x): ADD and CHECK need container id, netns and ifname; DEL needs container id and
 * ifname (the netns may already be gone); GC, STATUS and VERSION need none of them.
 */
public record CniEnv(CniCommand command, Optional<String> containerId, Optional<String> netns,
                     Optional<String> ifname, CniArgs args, List<String> path) {
    private static final Pattern CONTAINER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
    /** Linux IFNAMSIZ is 16 including the terminating NUL. */
    private static final int MAX_IFNAME = 15;

    public CniEnv {
        requireNonNull(command, "command is null");
        requireNonNull(containerId, "containerId is null");
        requireNonNull(netns, "netns is null");
        requireNonNull(ifname, "ifname is null");
        requireNonNull(args, "args is null");
        path = List.copyOf(requireNonNull(path, "path is null"));
    }

    /** Reads and validates the environment; an absent or empty variable counts as not set. */
    public static CniEnv parse(Map<String, String> env) throws CniException {
        String commandText = value(env, "CNI_COMMAND").orElseThrow(() -> CniException.invalidEnv(
                "CNI_COMMAND is not set", "set CNI_COMMAND to one of " + Arrays.toString(CniCommand.values())));
        CniCommand command = CniCommand.parse(commandText).orElseThrow(() -> CniException.invalidEnv(
                "CNI_COMMAND '" + commandText + "' is not a CNI command",
                "use one of " + Arrays.toString(CniCommand.values())));
        boolean attachment = command == CniCommand.ADD || command == CniCommand.DEL || command == CniCommand.CHECK;

        Optional<String> containerId = value(env, "CNI_CONTAINERID");
        Optional<String> netns = value(env, "CNI_NETNS");
        Optional<String> ifname = value(env, "CNI_IFNAME");
        if (attachment) {
            require(containerId, "CNI_CONTAINERID", command);
            require(ifname, "CNI_IFNAME", command);
            if (command != CniCommand.DEL) {
                require(netns, "CNI_NETNS", command);
            }
        }
        if (containerId.isPresent() && !CONTAINER_ID.matcher(containerId.get()).matches()) {
            throw CniException.invalidEnv("CNI_CONTAINERID '" + containerId.get() + "' has invalid characters",
                    "a container id is letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        if (ifname.isPresent()) {
            checkIfname(ifname.get());
        }
        CniArgs args = value(env, "CNI_ARGS").isPresent() ? CniArgs.parse(env.get("CNI_ARGS")) : CniArgs.EMPTY;
        List<String> path = value(env, "CNI_PATH")
                .map(p -> Arrays.stream(p.split(":")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        return new CniEnv(command, containerId, netns, ifname, args, path);
    }

    private static void checkIfname(String name) throws CniException {
        String problem = null;
        if (name.length() > MAX_IFNAME) {
            problem = "is longer than " + MAX_IFNAME + " characters";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "is not a usable name";
        } else if (name.chars().anyMatch(ch -> ch == '/' || ch == ':' || Character.isWhitespace(ch) || ch < 0x20)) {
            problem = "contains '/', ':', whitespace or a control character";
        }
        if (problem != null) {
            throw CniException.invalidEnv("CNI_IFNAME '" + name + "' " + problem,
                    "use a Linux interface name such as eth0");
        }
    }

    private static void require(Optional<String> value, String name, CniCommand command) throws CniException {
        if (value.isEmpty()) {
            throw CniException.invalidEnv(name + " is not set", name + " is required for " + command);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }
}
