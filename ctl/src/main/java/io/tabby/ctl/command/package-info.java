/**
 * One class per tabbyctl command. Each is thin: parse, call the resources or IPAM API, print. Kinds and
 * their columns are data ({@link io.tabby.ctl.table}); verbs stay generic.
 */
package io.tabby.ctl.command;
