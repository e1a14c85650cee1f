package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** A create found the resource already there, or a write found one of its keys held by another resource. */
public final class ResourceExistsException extends ResourceException {
    private final ResourceKind kind;
    private final String name;

    /**
     * The resource itself exists.
     *
     * @param detail what exactly is in the way, e.g. a key; empty for none
     */
    public ResourceExistsException(ResourceKind kind, String name, String detail) {
        this(kind, name, requireNonNull(kind, "kind is null").displayName() + " \"" + name + "\" already exists"
                + (detail.isEmpty() ? "" : " (" + detail + ")") + "; use replace or apply to change it", true);
    }

    private ResourceExistsException(ResourceKind kind, String name, String message, boolean unused) {
        super(message);
        this.kind = kind;
        this.name = name;
    }

    /**
     * The key the resource needs already holds another resource of the kind (a pool with the same
     * CIDR, a peer with the same node and address).
     */
    public static ResourceExistsException keyTaken(ResourceKind kind, String name, String key, String holder) {
        return new ResourceExistsException(kind, name, kind.displayName() + " \"" + name + "\" cannot be written: "
                + key + " already holds " + kind.displayName() + " \"" + holder + "\" (change or delete that one first)",
                true);
    }

    public ResourceKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
