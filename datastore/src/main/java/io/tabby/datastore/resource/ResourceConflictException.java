package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** The resource changed since it was read (or since the given resourceVersion): re-read and retry. */
public final class ResourceConflictException extends ResourceException {
    private final ResourceKind kind;
    private final String name;

    /**
     * @param detail what changed, e.g. {@code resourceVersion 12 was given, the current one is 15}
     */
    public ResourceConflictException(ResourceKind kind, String name, String detail) {
        super(requireNonNull(kind, "kind is null").displayName() + " \"" + name
                + "\" was changed by another writer (" + detail + "); get it again and retry");
        this.kind = kind;
        this.name = name;
    }

    public ResourceKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
