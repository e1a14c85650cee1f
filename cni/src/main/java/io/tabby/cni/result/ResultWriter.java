package io.tabby.cni.result;

import io.tabby.cni.json.JsonArray;
import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonValue;
import io.tabby.cni.json.JsonWriter;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniVersion;
import java.util.List;

/**
 * Renders results, errors and VERSION answers as the JSON a runtime reads on stdout. Empty
 * lists and absent optional fields are left out; {@code dns} is always present (as libcni's
 * encoder writes it). 0.3.1 and 0.4.0 IP entries carry {@code "version"}; 1.0.0 and later do not.
 */
public final class ResultWriter {
    public static final ResultWriter INSTANCE = new ResultWriter();

    private ResultWriter() {
    }

    public String result(CniResult result, CniVersion version) {
        return JsonWriter.INSTANCE.write(resultJson(result, version));
    }

    public JsonObject resultJson(CniResult result, CniVersion version) {
        JsonObject.Builder out = JsonObject.builder().put("cniVersion", version.text());
        if (!result.interfaces().isEmpty()) {
            out.put("interfaces", new JsonArray(result.interfaces().stream().map(ResultWriter::iface).toList()));
        }
        if (!result.ips().isEmpty()) {
            out.put("ips", new JsonArray(result.ips().stream().map(ip -> ip(ip, version)).toList()));
        }
        if (!result.routes().isEmpty()) {
            out.put("routes", new JsonArray(result.routes().stream().map(ResultWriter::route).toList()));
        }
        out.put("dns", dns(result.dns()));
        return out.build();
    }

    public String error(CniError error, CniVersion version) {
        JsonObject.Builder out = JsonObject.builder()
                .put("cniVersion", version.text())
                .put("code", error.code())
                .put("msg", error.msg());
        if (!error.details().isEmpty()) {
            out.put("details", error.details());
        }
        return JsonWriter.INSTANCE.write(out.build());
    }

    /** The VERSION answer: the version spoken in this reply and every version supported. */
    public String version(CniVersion version) {
        return JsonWriter.INSTANCE.write(JsonObject.builder()
                .put("cniVersion", version.text())
                .putStrings("supportedVersions", CniVersion.supportedTexts())
                .build());
    }

    private static JsonValue iface(CniInterface i) {
        JsonObject.Builder out = JsonObject.builder().put("name", i.name());
        i.mac().ifPresent(mac -> out.put("mac", mac));
        if (i.mtu() > 0) {
            out.put("mtu", i.mtu());
        }
        i.sandbox().ifPresent(sandbox -> out.put("sandbox", sandbox));
        return out.build();
    }

    private static JsonValue ip(IpConfig ip, CniVersion version) {
        JsonObject.Builder out = JsonObject.builder();
        if (version.ipEntriesCarryVersion()) {
            out.put("version", Integer.toString(ip.version()));
        }
        ip.interfaceIndex().ifPresent(index -> out.put("interface", index));
        out.put("address", ip.address());
        ip.gateway().ifPresent(gw -> out.put("gateway", gw));
        return out.build();
    }

    private static JsonValue route(Route r) {
        JsonObject.Builder out = JsonObject.builder().put("dst", r.dst());
        r.gw().ifPresent(gw -> out.put("gw", gw));
        return out.build();
    }

    private static JsonValue dns(Dns dns) {
        JsonObject.Builder out = JsonObject.builder();
        putIfAny(out, "nameservers", dns.nameservers());
        if (!dns.domain().isEmpty()) {
            out.put("domain", dns.domain());
        }
        putIfAny(out, "search", dns.search());
        putIfAny(out, "options", dns.options());
        return out.build();
    }

    private static void putIfAny(JsonObject.Builder out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.putStrings(name, values);
        }
    }
}
