package io.tabby.datastore.path;

/**
 * {@code /calico/v1/Ready}: the JSON bool {@code true} once the datastore is initialised;
 * Felix and the CNI plugin refuse to work until it is.
 */
public record ReadyKey() implements Key<Boolean> {}
