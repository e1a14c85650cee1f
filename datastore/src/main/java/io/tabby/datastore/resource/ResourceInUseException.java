package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** The resource cannot be deleted while other state still depends on it. */
public final class ResourceInUseException extends ResourceException {
    private final ResourceKind kind;
    private final String name;

    /**
     * @param detail what still uses it and what to do first
     */
    public ResourceInUseException(ResourceKind kind, String name, String detail) {
        super(requireNonNull(kind, "kind is null").displayName() + " \"" + name + "\" is still in use: " + detail);
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
