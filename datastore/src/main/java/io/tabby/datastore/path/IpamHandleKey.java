package io.tabby.datastore.path;

import io.tabby.datastore.model.IpamHandle;

/**
 * {@code /calico/ipam/v2/handle/<id>}; the handle id is escaped in the path.
 *
 * @param handleId the handle id, e.g. {@code k8s-pod-network.<container id>}
 */
public record IpamHandleKey(String handleId) implements Key<IpamHandle> {
    public IpamHandleKey {
        Segments.requireText(handleId, "handle id");
    }
}
