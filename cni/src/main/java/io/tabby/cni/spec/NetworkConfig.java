package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The validated network configuration from stdin. {@code mtu} 0 means "not set" (the node agent
 * picks its default). {@code prevResult} stays raw JSON here (the result model reads it), and
 * {@code raw} keeps the whole object for fields Tabby does not model (Calico's {@code etcd_*},
 * {@code policy}, {@code kubernetes}, which it tolerates and ignores).
 */
public record NetworkConfig(CniVersion cniVersion, String name, String type, Optional<String> nodename, int mtu,
                            Optional<String> logLevel, Optional<String> logFilePath, IpamConfig ipam,
                            List<Label> labels, Optional<JsonObject> prevResult, JsonObject runtimeConfig,
                            List<Attachment> validAttachments, JsonObject raw) {
    public NetworkConfig {
        requireNonNull(cniVersion, "cniVersion is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(nodename, "nodename is null");
        if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
            throw new IllegalArgumentException("mtu must be 0 (unset) or 68..65535, got " + mtu);
        }
        requireNonNull(logLevel, "logLevel is null");
        requireNonNull(logFilePath, "logFilePath is null");
        requireNonNull(ipam, "ipam is null");
        labels = List.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(prevResult, "prevResult is null");
        requireNonNull(runtimeConfig, "runtimeConfig is null");
        validAttachments = List.copyOf(requireNonNull(validAttachments, "validAttachments is null"));
        requireNonNull(raw, "raw is null");
    }
}
