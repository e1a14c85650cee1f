package io.tabby.confd.resource;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One template resource, validated and with its keys resolved.
 *
 * @param name the resource's TOML file relative to {@code conf.d} (for logs and counters)
 * @param src the template's name relative to {@code <confdir>/templates}
 * @param dest the file to keep up to date
 * @param prefix the effective key prefix, starting with {@code /}
 * @param keys the keys as written (after {@code //NODENAME} substitution)
 * @param fullKeys {@code path.Join(prefix, key)} for every key: the etcd key prefixes this resource reads
 * @param mode permission bits for {@code dest}; empty means the existing file's, or 0644
 * @param uid owner of {@code dest}; empty means confd's own
 * @param gid group of {@code dest}; empty means confd's own
 * @param owner owner of {@code dest} by user name (Tabby extension; {@code uid} wins when both are set)
 * @param checkCmd command run on the staged file, {@code {{.src}}} standing for its path
 * @param reloadCmd command run after {@code dest} was replaced
 * @param keepStageFile keep the staged file after processing
 */
public record TemplateResource(
        String name,
        String src,
        Path dest,
        String prefix,
        List<String> keys,
        List<String> fullKeys,
        Optional<Integer> mode,
        OptionalInt uid,
        OptionalInt gid,
        Optional<String> owner,
        Optional<String> checkCmd,
        Optional<String> reloadCmd,
        boolean keepStageFile) {

    public TemplateResource {
        requireNonNull(name, "name is null");
        requireNonNull(src, "src is null");
        requireNonNull(dest, "dest is null");
        requireNonNull(prefix, "prefix is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        fullKeys = List.copyOf(requireNonNull(fullKeys, "fullKeys is null"));
        requireNonNull(mode, "mode is null");
        requireNonNull(uid, "uid is null");
        requireNonNull(gid, "gid is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(checkCmd, "checkCmd is null");
        requireNonNull(reloadCmd, "reloadCmd is null");
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/', got '" + prefix + "'");
        }
        if (fullKeys.isEmpty()) {
            throw new IllegalArgumentException("resource " + name + " reads no keys");
        }
    }

    /** Whether a change to the etcd key {@code key} can change this resource's output. */
    public boolean reads(String key) {
        for (String fullKey : fullKeys) {
            if (key.startsWith(fullKey)) {
                return true;
            }
        }
        return false;
    }
}
