package io.tabby.datastore.path;

import io.tabby.datastore.model.IpamConfig;

/** {@code /calico/ipam/v2/config}: cluster IPAM settings. */
public record IpamConfigKey() implements Key<IpamConfig> {}
