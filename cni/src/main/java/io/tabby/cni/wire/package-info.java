/**
 * The plugin-to-node-agent protocol. The plugin sends one {@link io.tabby.cni.wire.WireRequest}
 * (which plugin, the {@code CNI_*} environment and the raw stdin) over the unix socket
 * ({@code /var/run/tabby/cni.sock}, or {@code TABBY_CNI_SOCKET}) and reads one
 * {@link io.tabby.cni.wire.WireResponse}: a result or a CNI error. Each message is one frame: a
 * 4-byte big-endian length, then that many bytes of UTF-8 JSON (see {@link io.tabby.cni.wire.WireCodec}).
 * {@link io.tabby.cni.wire.CniClient} bounds every exchange in time; the node agent implements
 * {@link io.tabby.cni.wire.CniService} and serves it with {@link io.tabby.cni.wire.CniSocketServer}.
 */
package io.tabby.cni.wire;
