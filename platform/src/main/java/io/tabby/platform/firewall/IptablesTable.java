package io.tabby.platform.firewall;

import java.util.List;
import java.util.Locale;

/** The iptables tables Tabby writes, with their kernel (built-in) chains. */
public enum IptablesTable {
    RAW(List.of("PREROUTING", "OUTPUT")),
    MANGLE(List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING")),
    NAT(List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")),
    FILTER(List.of("INPUT", "FORWARD", "OUTPUT"));

    private final List<String> builtinChains;

    IptablesTable(List<String> builtinChains) {
        this.builtinChains = builtinChains;
    }

    /** The name as iptables writes it: {@code filter}, {@code nat}, ... */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> builtinChains() {
        return builtinChains;
    }

    public static IptablesTable ofName(String name) {
        for (IptablesTable table : values()) {
            if (table.tableName().equals(name)) {
                return table;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an iptables table Tabby uses (raw, mangle, nat, filter)");
    }
}
