/**
 * Pure arithmetic on allocation blocks: which address an ordinal is, which block an address
 * falls in, and allocating or releasing ordinals exactly as Calico does (free ordinals are taken
 * from the front of {@code unallocated} and appended on release; allocations with the same
 * handle and attributes share one attribute entry, which is removed and the indices compacted
 * when its last ordinal goes). Every operation returns a new
 * {@link io.tabby.datastore.model.AllocationBlock}; nothing here touches the datastore.
 */
package io.tabby.ipam.block;
