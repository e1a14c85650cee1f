package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A create found the resource (or one of the keys it needs) already there. */
public final class ResourceExistsException extends ResourceException {
    private final ResourceKind kind;
    private final String name;

    /**
     * @param detail what exactly is in the way, e.g. the key; appended in parentheses
     */
    public ResourceExistsException(ResourceKind kind, String name, String detail) {
        super(requireNonNull(kind, "kind is null").displayName() + " \"" + name + "\" already exists"
                + (detail.isEmpty() ? "" : " (" + detail + ")") + "; use replace or apply to change it");
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
