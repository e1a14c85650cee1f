/**
 * What tabbyctl is told before it does anything: the global options, the connection config
 * file in calicoctl's {@code CalicoAPIConfig} form, how flags, environment and file combine
 * into {@link io.tabby.datastore.backend.EtcdSettings}, and the log and output choices.
 */
package io.tabby.ctl.options;
