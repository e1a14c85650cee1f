package io.tabby.bird.wire.attr;

/** ATOMIC_AGGREGATE (type 6, well-known discretionary): a flag with an empty value. */
public record AtomicAggregate() implements PathAttribute {
    public static final AtomicAggregate INSTANCE = new AtomicAggregate();

    @Override
    public int typeCode() {
        return AttributeType.ATOMIC_AGGREGATE;
    }
}
