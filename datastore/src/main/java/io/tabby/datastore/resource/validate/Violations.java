package io.tabby.datastore.resource.validate;

/** Receives problems found in one resource. */
@FunctionalInterface
public interface Violations {

    /**
     * @param field the field path, e.g. {@code spec.blockSize}; empty for the resource as a whole
     * @param message what is wrong and what is allowed
     */
    void add(String field, String message);
}
