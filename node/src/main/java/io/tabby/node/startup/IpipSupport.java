package io.tabby.node.startup;

/** Whether this node's kernel can make an IPIP device (for pools in IPIP mode). */
@FunctionalInterface
public interface IpipSupport {
    /** True when an {@code ipip} device exists or can be created. */
    boolean available();
}
