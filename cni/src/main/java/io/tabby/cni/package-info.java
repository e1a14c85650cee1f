/**
 * The two plugin executables: {@link io.tabby.cni.TabbyCniMain} ({@code tabby}, also answering
 * {@code calico} configs) and {@link io.tabby.cni.TabbyIpamMain} ({@code tabby-ipam}, also
 * {@code calico-ipam}). Both read the environment and stdin as a container runtime provides them,
 * validate, answer VERSION locally, forward everything else to the node agent and print the result
 * or a CNI error JSON; {@link io.tabby.cni.PluginRunner} is the testable core they share.
 */
package io.tabby.cni;
