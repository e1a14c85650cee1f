package io.tabby.datastore.path;

/**
 * What a key family is called in messages and what its paths look like.
 *
 * @param family the family's name in messages, e.g. {@code pool}
 * @param expected the path shape, e.g. {@code /calico/v1/ipam/v4/pool/<address>-<prefix length>}
 */
record Shape(String family, String expected) {}
