package io.tabby.datastore.resource;

import java.util.List;
import java.util.Optional;

/**
 * The FelixConfiguration fields Tabby supports: the v3 field name, the v1 config name Felix
 * reads from {@code /calico/v1/config/<Name>} (or {@code /calico/v1/host/<node>/config/<Name>}),
 * the value type and the allowed values. Declaration order is the v3 field order.
 */
public enum FelixSetting {
    IPV6_SUPPORT("ipv6Support", "Ipv6Support", ValueType.BOOLEAN),
    ROUTE_REFRESH_INTERVAL("routeRefreshInterval", "RouteRefreshInterval", ValueType.SECONDS),
    INTERFACE_REFRESH_INTERVAL("interfaceRefreshInterval", "InterfaceRefreshInterval", ValueType.SECONDS),
    IPTABLES_REFRESH_INTERVAL("iptablesRefreshInterval", "IptablesRefreshInterval", ValueType.SECONDS),
    IPTABLES_POST_WRITE_CHECK_INTERVAL("iptablesPostWriteCheckInterval", "IptablesPostWriteCheckIntervalSecs",
            ValueType.SECONDS),
    IPTABLES_LOCK_FILE_PATH("iptablesLockFilePath", "IptablesLockFilePath", ValueType.TEXT),
    IPTABLES_LOCK_TIMEOUT("iptablesLockTimeout", "IptablesLockTimeoutSecs", ValueType.SECONDS),
    IPTABLES_LOCK_PROBE_INTERVAL("iptablesLockProbeInterval", "IptablesLockProbeIntervalMillis",
            ValueType.MILLISECONDS),
    IPSETS_REFRESH_INTERVAL("ipsetsRefreshInterval", "IpsetsRefreshInterval", ValueType.SECONDS),
    MAX_IPSET_SIZE("maxIpsetSize", "MaxIpsetSize", ValueType.INTEGER, 1, Integer.MAX_VALUE),
    NETLINK_TIMEOUT("netlinkTimeout", "NetlinkTimeoutSecs", ValueType.SECONDS),
    METADATA_ADDR("metadataAddr", "MetadataAddr", ValueType.TEXT),
    METADATA_PORT("metadataPort", "MetadataPort", ValueType.INTEGER, 1, 65535),
    INTERFACE_PREFIX("interfacePrefix", "InterfacePrefix", ValueType.TEXT),
    CHAIN_INSERT_MODE("chainInsertMode", "ChainInsertMode", List.of("insert", "append")),
    DEFAULT_ENDPOINT_TO_HOST_ACTION("defaultEndpointToHostAction", "DefaultEndpointToHostAction",
            List.of("Drop", "Accept", "Return")),
    IPTABLES_FILTER_ALLOW_ACTION("iptablesFilterAllowAction", "IptablesFilterAllowAction",
            List.of("Accept", "Return")),
    IPTABLES_MANGLE_ALLOW_ACTION("iptablesMangleAllowAction", "IptablesMangleAllowAction",
            List.of("Accept", "Return")),
    LOG_PREFIX("logPrefix", "LogPrefix", ValueType.TEXT),
    LOG_FILE_PATH("logFilePath", "LogFilePath", ValueType.TEXT),
    LOG_SEVERITY_FILE("logSeverityFile", "LogSeverityFile", Constants.LOG_LEVELS),
    LOG_SEVERITY_SCREEN("logSeverityScreen", "LogSeverityScreen", Constants.LOG_LEVELS),
    LOG_SEVERITY_SYS("logSeveritySys", "LogSeveritySys", Constants.LOG_LEVELS),
    IPIP_ENABLED("ipipEnabled", "IpInIpEnabled", ValueType.BOOLEAN),
    IPIP_MTU("ipipMTU", "IpInIpMtu", ValueType.INTEGER, 0, 65535),
    VXLAN_ENABLED("vxlanEnabled", "VXLANEnabled", ValueType.BOOLEAN),
    VXLAN_MTU("vxlanMTU", "VXLANMTU", ValueType.INTEGER, 0, 65535),
    VXLAN_PORT("vxlanPort", "VXLANPort", ValueType.INTEGER, 1, 65535),
    VXLAN_VNI("vxlanVNI", "VXLANVNI", ValueType.INTEGER, 1, 16_777_215),
    REPORTING_INTERVAL("reportingInterval", "ReportingIntervalSecs", ValueType.SECONDS),
    REPORTING_TTL("reportingTTL", "ReportingTTLSecs", ValueType.SECONDS),
    ENDPOINT_REPORTING_ENABLED("endpointReportingEnabled", "EndpointReportingEnabled", ValueType.BOOLEAN),
    ENDPOINT_REPORTING_DELAY("endpointReportingDelay", "EndpointReportingDelaySecs", ValueType.SECONDS),
    IPTABLES_MARK_MASK("iptablesMarkMask", "IptablesMarkMask", ValueType.INTEGER, 0, 0xFFFF_FFFFL),
    DISABLE_CONNTRACK_INVALID_CHECK("disableConntrackInvalidCheck", "DisableConntrackInvalidCheck",
            ValueType.BOOLEAN),
    HEALTH_ENABLED("healthEnabled", "HealthEnabled", ValueType.BOOLEAN),
    HEALTH_HOST("healthHost", "HealthHost", ValueType.TEXT),
    HEALTH_PORT("healthPort", "HealthPort", ValueType.INTEGER, 1, 65535),
    PROMETHEUS_METRICS_ENABLED("prometheusMetricsEnabled", "PrometheusMetricsEnabled", ValueType.BOOLEAN),
    PROMETHEUS_METRICS_HOST("prometheusMetricsHost", "PrometheusMetricsHost", ValueType.TEXT),
    PROMETHEUS_METRICS_PORT("prometheusMetricsPort", "PrometheusMetricsPort", ValueType.INTEGER, 1, 65535),
    FAILSAFE_INBOUND_HOST_PORTS("failsafeInboundHostPorts", "FailsafeInboundHostPorts", ValueType.PROTO_PORTS),
    FAILSAFE_OUTBOUND_HOST_PORTS("failsafeOutboundHostPorts", "FailsafeOutboundHostPorts", ValueType.PROTO_PORTS),
    USAGE_REPORTING_ENABLED("usageReportingEnabled", "UsageReportingEnabled", ValueType.BOOLEAN),
    USAGE_REPORTING_INITIAL_DELAY("usageReportingInitialDelay", "UsageReportingInitialDelaySecs", ValueType.SECONDS),
    USAGE_REPORTING_INTERVAL("usageReportingInterval", "UsageReportingIntervalSecs", ValueType.SECONDS),
    NAT_OUTGOING_ADDRESS("natOutgoingAddress", "NATOutgoingAddress", ValueType.IPV4_ADDRESS),
    DEVICE_ROUTE_SOURCE_ADDRESS("deviceRouteSourceAddress", "DeviceRouteSourceAddress", ValueType.IPV4_ADDRESS),
    DEVICE_ROUTE_PROTOCOL("deviceRouteProtocol", "DeviceRouteProtocol", ValueType.INTEGER, 0, 255),
    REMOVE_EXTERNAL_ROUTES("removeExternalRoutes", "RemoveExternalRoutes", ValueType.BOOLEAN),
    ROUTE_TABLE_RANGE("routeTableRange", "RouteTableRange", ValueType.TABLE_RANGE);

    /** How a value is written in v3 YAML and stored as a v1 config string. */
    public enum ValueType {
        /** YAML bool; v1 {@code true}/{@code false}. */
        BOOLEAN,
        /** YAML integer within the setting's range; v1 decimal. */
        INTEGER,
        /** Free text. */
        TEXT,
        /** One of the setting's choices (case as listed). */
        CHOICE,
        /** An IPv4 address. */
        IPV4_ADDRESS,
        /** A Go duration ({@code 90s}, {@code 1m30s}); v1 seconds ({@code 90}, {@code 0.5}). */
        SECONDS,
        /** A Go duration; v1 milliseconds. */
        MILLISECONDS,
        /** A list of {@code {protocol, port}}; v1 {@code tcp:22,udp:68} or {@code none}. */
        PROTO_PORTS,
        /** {@code {min, max}} route table indices within 1..250; v1 {@code min-max}. */
        TABLE_RANGE
    }

    private final String v3Name;
    private final String v1Name;
    private final ValueType type;
    private final long min;
    private final long max;
    private final List<String> choices;

    FelixSetting(String v3Name, String v1Name, ValueType type) {
        this(v3Name, v1Name, type, 0, 0, List.of());
    }

    FelixSetting(String v3Name, String v1Name, ValueType type, long min, long max) {
        this(v3Name, v1Name, type, min, max, List.of());
    }

    FelixSetting(String v3Name, String v1Name, List<String> choices) {
        this(v3Name, v1Name, ValueType.CHOICE, 0, 0, choices);
    }

    FelixSetting(String v3Name, String v1Name, ValueType type, long min, long max, List<String> choices) {
        this.v3Name = v3Name;
        this.v1Name = v1Name;
        this.type = type;
        this.min = min;
        this.max = max;
        this.choices = choices;
    }

    public String v3Name() {
        return v3Name;
    }

    public String v1Name() {
        return v1Name;
    }

    public ValueType type() {
        return type;
    }

    /** Lowest allowed value of an {@link ValueType#INTEGER} setting. */
    public long min() {
        return min;
    }

    /** Highest allowed value of an {@link ValueType#INTEGER} setting. */
    public long max() {
        return max;
    }

    /** The allowed values of a {@link ValueType#CHOICE} setting. */
    public List<String> choices() {
        return choices;
    }

    public static Optional<FelixSetting> byV3Name(String name) {
        for (FelixSetting s : values()) {
            if (s.v3Name.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<FelixSetting> byV1Name(String name) {
        for (FelixSetting s : values()) {
            if (s.v1Name.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static final class Constants {
        static final List<String> LOG_LEVELS = List.of("Debug", "Info", "Warning", "Error", "Fatal");
    }
}
