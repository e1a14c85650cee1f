package io.tabby.cni.wire;

import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonParseException;
import io.tabby.cni.json.JsonReader;
import io.tabby.cni.json.JsonString;
import io.tabby.cni.json.JsonValue;
import io.tabby.cni.json.JsonWriter;
import io.tabby.cni.result.ResultReader;
import io.tabby.cni.result.ResultWriter;
import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.CniVersion;
import io.tabby.cni.spec.FieldReader;
import io.tabby.cni.spec.PluginKind;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Frames and messages of protocol version {@value #PROTOCOL}. A frame is a 4-byte big-endian
 * length (1 to {@value #MAX_FRAME} bytes) followed by UTF-8 JSON. Messages:
 * <pre>
 * request:  {"protocol":1,"plugin":"tabby"|"tabby-ipam","env":{"CNI_COMMAND":"ADD",...},"stdin":"..."}
 * response: {"protocol":1}                                   success, no result (DEL, CHECK, GC, STATUS)
 *           {"protocol":1,"result":{...CNI 1.1.0 result...}} success of ADD
 *           {"protocol":1,"error":{"code":11,"msg":"...","details":"..."}}
 * </pre>
 */
public final class WireCodec {
    public static final WireCodec INSTANCE = new WireCodec();
    public static final int PROTOCOL = 1;
    public static final int MAX_FRAME = 4 * 1024 * 1024;

    private WireCodec() {
    }

    public String encode(WireRequest request) {
        JsonObject.Builder env = JsonObject.builder();
        new TreeMap<>(request.env()).forEach(env::put);
        return JsonWriter.INSTANCE.write(JsonObject.builder()
                .put("protocol", PROTOCOL)
                .put("plugin", request.plugin().binaryName())
                .put("env", env.build())
                .put("stdin", request.stdin())
                .build());
    }

    public String encode(WireResponse response) {
        JsonObject.Builder out = JsonObject.builder().put("protocol", PROTOCOL);
        switch (response) {
            case WireResponse.Success s -> s.result().ifPresent(
                    r -> out.put("result", ResultWriter.INSTANCE.resultJson(r, CniVersion.LATEST)));
            case WireResponse.Failure f -> {
                JsonObject.Builder error = JsonObject.builder()
                        .put("code", f.error().code())
                        .put("msg", f.error().msg());
                if (!f.error().details().isEmpty()) {
                    error.put("details", f.error().details());
                }
                out.put("error", error.build());
            }
        }
        return JsonWriter.INSTANCE.write(out.build());
    }

    public WireRequest decodeRequest(String json) throws WireFormatException {
        FieldReader root = message(json);
        try {
            String pluginName = root.requiredString("plugin", "");
            PluginKind plugin = Arrays.stream(PluginKind.values())
                    .filter(p -> p.binaryName().equals(pluginName)).findFirst()
                    .orElseThrow(() -> new WireFormatException("unknown plugin '" + pluginName + "'"));
            FieldReader envReader = root.optionalObject("env")
                    .orElseThrow(() -> new WireFormatException("request has no env"));
            Map<String, String> env = new TreeMap<>();
            for (Map.Entry<String, JsonValue> e : envReader.object().members().entrySet()) {
                if (!(e.getValue() instanceof JsonString s)) {
                    throw new WireFormatException("env." + e.getKey() + " is not a string");
                }
                env.put(e.getKey(), s.value());
            }
            String stdin = root.optionalString("stdin")
                    .orElseThrow(() -> new WireFormatException("request has no stdin"));
            return new WireRequest(plugin, env, stdin);
        } catch (CniException e) {
            throw new WireFormatException("bad request: " + e.getMessage());
        }
    }

    public WireResponse decodeResponse(String json) throws WireFormatException {
        FieldReader root = message(json);
        try {
            var error = root.optionalObject("error");
            if (error.isPresent()) {
                OptionalLong code = error.get().optionalLong("code");
                if (code.isEmpty() || code.getAsLong() <= 0 || code.getAsLong() > Integer.MAX_VALUE) {
                    throw new WireFormatException("error.code is missing or out of range");
                }
                return new WireResponse.Failure(new CniError((int) code.getAsLong(),
                        error.get().requiredString("msg", ""),
                        error.get().optionalString("details").orElse("")));
            }
            var result = root.optionalObject("result");
            if (result.isPresent()) {
                return WireResponse.ok(ResultReader.INSTANCE.read(result.get().object(), "result",
                        CniError.DECODING_FAILURE));
            }
            return WireResponse.ok();
        } catch (CniException e) {
            throw new WireFormatException("bad response: " + e.getMessage());
        }
    }

    private static FieldReader message(String json) throws WireFormatException {
        JsonValue value;
        try {
            value = JsonReader.INSTANCE.parse(json);
        } catch (JsonParseException e) {
            throw new WireFormatException("frame is not JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object)) {
            throw new WireFormatException("frame is a JSON " + value.kind() + ", not an object");
        }
        FieldReader root = FieldReader.root(object, CniError.DECODING_FAILURE);
        OptionalLong protocol;
        try {
            protocol = root.optionalLong("protocol");
        } catch (CniException e) {
            throw new WireFormatException(e.getMessage());
        }
        if (protocol.isEmpty() || protocol.getAsLong() != PROTOCOL) {
            throw new WireFormatException("unsupported protocol " + (protocol.isEmpty() ? "(none)"
                    : protocol.getAsLong()) + ", this side speaks " + PROTOCOL
                    + "; the plugin and the node agent must be the same Tabby release");
        }
        return root;
    }

    public void writeFrame(WritableByteChannel channel, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (body.length == 0 || body.length > MAX_FRAME) {
            throw new WireFormatException("frame of " + body.length + " bytes is outside 1.." + MAX_FRAME);
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    public String readFrame(ReadableByteChannel channel) throws IOException {
        ByteBuffer header = readFully(channel, ByteBuffer.allocate(4));
        int length = header.flip().getInt();
        if (length <= 0 || length > MAX_FRAME) {
            throw new WireFormatException("frame length " + length + " is outside 1.." + MAX_FRAME);
        }
        ByteBuffer body = readFully(channel, ByteBuffer.allocate(length));
        return new String(body.array(), StandardCharsets.UTF_8);
    }

    private static ByteBuffer readFully(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("connection closed after " + buffer.position() + " of "
                        + buffer.capacity() + " bytes");
            }
        }
        return buffer;
    }
}
