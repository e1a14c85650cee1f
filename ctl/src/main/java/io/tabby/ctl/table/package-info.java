/**
 * calicoctl's {@code ps} and {@code wide} tables: a port of Go's tabwriter alignment, the
 * columns each resource kind shows (data, not code per verb), and the printer that puts them
 * together.
 */
package io.tabby.ctl.table;
