package io.tabby.ctl.table;

import io.tabby.datastore.resource.AsNumber;

/** What table cells may ask about the cluster beyond the resource in their row. */
@FunctionalInterface
public interface TableContext {

    /** The cluster's AS (BGPConfiguration {@code default}, else 64512), shown for nodes that inherit it. */
    AsNumber globalAsNumber();
}
