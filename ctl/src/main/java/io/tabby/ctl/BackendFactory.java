package io.tabby.ctl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;

/** Opens the datastore a command works on; tests hand in one that returns an in-memory store. */
@FunctionalInterface
public interface BackendFactory {

    Backend open(EtcdSettings settings);
}
