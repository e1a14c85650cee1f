package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

/** ORIGIN (type 1, well-known mandatory): how the route entered BGP. */
public record Origin(Kind kind) implements PathAttribute {
    public static final Origin IGP = new Origin(Kind.IGP);
    public static final Origin EGP = new Origin(Kind.EGP);
    public static final Origin INCOMPLETE = new Origin(Kind.INCOMPLETE);

    /** The ORIGIN values in wire order (0, 1, 2), which is also their preference order. */
    public enum Kind { IGP, EGP, INCOMPLETE }

    public Origin {
        requireNonNull(kind, "kind is null");
    }

    @Override
    public int typeCode() {
        return AttributeType.ORIGIN;
    }
}
