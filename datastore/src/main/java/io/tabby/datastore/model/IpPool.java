package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * An IP pool, the value at {@code /calico/v1/ipam/v4|v6/pool/<cidr>}. Fields follow the JSON
 * order: {@code cidr, ipip, ipip_mode, vxlan_mode, masquerade, ipam, disabled,
 * disableBGPExport}, then Tabby's {@code block_size}, {@code node_selector} and {@code name}.
 *
 * @param cidr the pool's network
 * @param ipipInterface {@code ipip}: the tunnel device ({@code tunl0}) when IPIP is on, else {@code ""}
 * @param ipipMode {@code ipip_mode}; null when absent (Calico before v1.7 did not write it)
 * @param vxlanMode {@code vxlan_mode}; null when absent (only the v3 model writes it)
 * @param masquerade {@code masquerade}: NAT outgoing traffic
 * @param ipam {@code ipam}: the pool is usable for automatic assignment
 * @param disabled {@code disabled}
 * @param disableBgpExport {@code disableBGPExport}; null when absent
 * @param blockSize Tabby's {@code block_size} (prefix length of the pool's IPAM blocks); null when absent
 * @param nodeSelector Tabby's {@code node_selector}; null when absent
 * @param name the pool's resource name; the JSON carries it only when it differs from
 *     {@link DerivedNames#of(Cidr)}; a null argument means the derived name
 * @param unknown fields Tabby does not model, written back after the known ones
 */
public record IpPool(
        Cidr cidr,
        String ipipInterface,
        EncapMode ipipMode,
        EncapMode vxlanMode,
        boolean masquerade,
        boolean ipam,
        boolean disabled,
        Boolean disableBgpExport,
        Integer blockSize,
        String nodeSelector,
        String name,
        UnknownFields unknown) {

    public IpPool {
        requireNonNull(cidr, "cidr is null");
        requireNonNull(ipipInterface, "ipipInterface is null");
        requireNonNull(unknown, "unknown is null");
        if (blockSize != null && (blockSize < cidr.prefixLength() || blockSize > cidr.family().bits())) {
            throw new IllegalArgumentException("block size " + blockSize + " is out of range "
                    + cidr.prefixLength() + "-" + cidr.family().bits() + " for pool " + cidr);
        }
        if (name == null) {
            name = DerivedNames.of(cidr);
        } else if (name.isEmpty()) {
            throw new IllegalArgumentException("pool name is empty");
        }
    }

    /**
     * A new enabled pool as Tabby writes it: no IPIP, no NAT, usable by IPAM, derived name,
     * no optional fields.
     */
    public static IpPool of(Cidr cidr) {
        return new IpPool(cidr, "", null, null, false, true, false, null, null, null, null, UnknownFields.NONE);
    }

    /** True when the name is the one derived from the CIDR (and so is not stored). */
    public boolean hasDerivedName() {
        return name.equals(DerivedNames.of(cidr));
    }

    /**
     * The IPIP mode in force: {@link EncapMode#UNSET} when no tunnel interface is set,
     * {@link EncapMode#ALWAYS} when one is set but the mode is absent or empty.
     */
    public EncapMode effectiveIpipMode() {
        if (ipipInterface.isEmpty()) {
            return EncapMode.UNSET;
        }
        return ipipMode == null || ipipMode == EncapMode.UNSET ? EncapMode.ALWAYS : ipipMode;
    }
}
