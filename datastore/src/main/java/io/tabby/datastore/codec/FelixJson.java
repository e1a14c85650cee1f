package io.tabby.datastore.codec;

import io.tabby.datastore.model.EndpointStatus;
import io.tabby.datastore.model.FelixStatus;

/** Felix's reports under {@code /calico/felix/v1/host/<node>/}: liveness and endpoint status. */
final class FelixJson {

    private FelixJson() {}

    static FelixStatus decodeStatus(JsonIn in) {
        Double uptime = in.optNumber("uptime");
        return new FelixStatus(in.string("time"), uptime == null ? 0 : uptime, in.bool("first_update"), in.unknown());
    }

    static void encodeStatus(FelixStatus status, JsonOut out) {
        out.startObject();
        out.string("time", status.time());
        out.name("uptime");
        out.goFloat(status.uptimeSeconds());
        out.bool("first_update", status.firstUpdate());
        out.unknown(status.unknown());
        out.endObject();
    }

    static EndpointStatus decodeEndpoint(JsonIn in) {
        return new EndpointStatus(in.string("status"), in.unknown());
    }

    static void encodeEndpoint(EndpointStatus status, JsonOut out) {
        out.startObject();
        out.string("status", status.status());
        out.unknown(status.unknown());
        out.endObject();
    }
}
