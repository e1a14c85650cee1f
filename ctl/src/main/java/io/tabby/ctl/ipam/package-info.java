/**
 * What tabbyctl's {@code ipam} commands print, computed from what the IPAM API reads: pool and
 * block usage in calicoctl's boxed table (with Go's number formats), the owner of one address,
 * and the check and repair report. Pure: nothing here reads or writes the datastore.
 */
package io.tabby.ctl.ipam;
