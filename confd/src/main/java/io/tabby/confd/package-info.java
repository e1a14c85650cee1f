/**
 * Tabby's confd: keeps files up to date from etcd, as kelseyhightower/confd and Calico's fork do,
 * with FreeMarker templates. {@link io.tabby.confd.ConfdMain} is the {@code tabby-confd} command
 * line; {@link io.tabby.confd.ConfdService} wires template resources, a syncer and the processor for
 * one run, and is what an embedding agent (the node) uses.
 *
 * <pre>
 *  etcd --Syncer--> StoreFeed --(owner thread)--> KeyValueStore --view--> TemplateRenderer (FreeMarker
 *                                                                         + confd functions)
 *       --> FileSyncer: stage beside dest -> compare -> check_cmd -> atomic rename -> reload_cmd
 * </pre>
 */
package io.tabby.confd;
