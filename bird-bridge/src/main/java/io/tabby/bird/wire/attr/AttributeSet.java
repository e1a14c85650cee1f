package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The path attributes a set of routes shares, ordered by type code, at most one of each type.
 * MP_REACH_NLRI/MP_UNREACH_NLRI (which carry prefixes) and AS4_PATH/AS4_AGGREGATOR (a 2-octet
 * session's wire detail) never belong here, so equal route attributes give equal sets, which an
 * {@link AttributeInterner} maps to one shared object. Immutable; the hash is computed once.
 */
public final class AttributeSet {
    public static final AttributeSet EMPTY = new AttributeSet(List.of());

    private final List<PathAttribute> attributes;
    private final int hash;

    private AttributeSet(List<PathAttribute> attributes) {
        this.attributes = attributes;
        this.hash = attributes.hashCode();
    }

    /** The set of {@code attributes}, in any order; throws on duplicates or per-message types. */
    public static AttributeSet of(List<? extends PathAttribute> attributes) {
        requireNonNull(attributes, "attributes is null");
        List<PathAttribute> sorted = new ArrayList<>(attributes);
        sorted.sort(Comparator.comparingInt(PathAttribute::typeCode));
        for (int i = 0; i < sorted.size(); i++) {
            PathAttribute attribute = requireNonNull(sorted.get(i), "attribute is null");
            switch (attribute) {
                case MpReachNlri _, MpUnreachNlri _, As4Path _, As4Aggregator _ ->
                        throw new IllegalArgumentException(AttributeType.name(attribute.typeCode())
                                + " is carried by the UPDATE, not by an attribute set");
                default -> { }
            }
            if (i > 0 && sorted.get(i - 1).typeCode() == attribute.typeCode()) {
                throw new IllegalArgumentException("attribute set has two " + AttributeType.name(attribute.typeCode()));
            }
        }
        return sorted.isEmpty() ? EMPTY : new AttributeSet(List.copyOf(sorted));
    }

    public static AttributeSet of(PathAttribute... attributes) {
        return of(List.of(attributes));
    }

    /** The attributes in type-code order. */
    public List<PathAttribute> attributes() {
        return attributes;
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    public boolean contains(int typeCode) {
        return get(typeCode).isPresent();
    }

    /** The attribute of this type code, if present. */
    public Optional<PathAttribute> get(int typeCode) {
        for (PathAttribute attribute : attributes) {
            if (attribute.typeCode() == typeCode) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** The attribute of this record type, if present. */
    public <T extends PathAttribute> Optional<T> get(Class<T> type) {
        for (PathAttribute attribute : attributes) {
            if (type.isInstance(attribute)) {
                return Optional.of(type.cast(attribute));
            }
        }
        return Optional.empty();
    }

    /** A set with {@code attribute} added, or replacing the one of the same type. */
    public AttributeSet with(PathAttribute attribute) {
        List<PathAttribute> next = new ArrayList<>(attributes);
        next.removeIf(a -> a.typeCode() == attribute.typeCode());
        next.add(attribute);
        return of(next);
    }

    /** A set without the attribute of this type code. */
    public AttributeSet without(int typeCode) {
        List<PathAttribute> next = new ArrayList<>(attributes);
        next.removeIf(a -> a.typeCode() == typeCode);
        return of(next);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AttributeSet other && hash == other.hash && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
