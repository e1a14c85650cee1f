package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** The named resource does not exist. */
public final class ResourceNotFoundException extends ResourceException {
    private final ResourceKind kind;
    private final String name;

    public ResourceNotFoundException(ResourceKind kind, String name) {
        super(requireNonNull(kind, "kind is null").displayName() + " \"" + name + "\" does not exist");
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
