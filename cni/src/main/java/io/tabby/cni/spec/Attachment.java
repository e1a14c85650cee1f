package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

/** One still-valid attachment from a GC request's {@code cni.dev/valid-attachments}. */
public record Attachment(String containerId, String ifname) {
    public Attachment {
        requireNonNull(containerId, "containerId is null");
        requireNonNull(ifname, "ifname is null");
    }
}
