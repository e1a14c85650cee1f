package io.tabby.datastore.path;

/** The plain-string leaves under {@code /calico/bgp/v1/global/}. */
public enum GlobalBgpField {
    /** The default AS number; absent means 64512. */
    AS_NUM("as_num"),
    /** BIRD log level: {@code debug}, {@code info} (default), {@code none}. */
    LOGLEVEL("loglevel"),
    /** The BGP listen port (v3 model). */
    LISTEN_PORT("listen_port"),
    /** Comma-separated service cluster CIDRs to advertise (v3 model). */
    SVC_CLUSTER_IPS("svc_cluster_ips"),
    /** Comma-separated service external CIDRs to advertise (v3 model). */
    SVC_EXTERNAL_IPS("svc_external_ips"),
    /** Comma-separated service load-balancer CIDRs to advertise (v3 model). */
    SVC_LOADBALANCER_IPS("svc_loadbalancer_ips"),
    /** Community definitions (v3 model), kept as the text stored. */
    COMMUNITIES("communities");

    private final String segment;

    GlobalBgpField(String segment) {
        this.segment = segment;
    }

    /** The key segment, e.g. {@code as_num}. */
    public String segment() {
        return segment;
    }

    /** The field whose segment is {@code segment}, or null. */
    public static GlobalBgpField fromSegment(String segment) {
        for (GlobalBgpField f : values()) {
            if (f.segment.equals(segment)) {
                return f;
            }
        }
        return null;
    }
}
