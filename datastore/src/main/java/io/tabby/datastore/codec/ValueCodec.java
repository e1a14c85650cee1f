package io.tabby.datastore.codec;

import static io.tabby.datastore.codec.ValueChecks.adverts;
import static io.tabby.datastore.codec.ValueChecks.as;
import static io.tabby.datastore.codec.ValueChecks.block;
import static io.tabby.datastore.codec.ValueChecks.listOf;
import static io.tabby.datastore.codec.ValueChecks.mapOf;
import static io.tabby.datastore.codec.ValueChecks.peer;
import static io.tabby.datastore.codec.ValueChecks.pool;
import static io.tabby.datastore.codec.ValueChecks.reflector;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.EndpointStatus;
import io.tabby.datastore.model.FelixStatus;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.NodeMesh;
import io.tabby.datastore.model.OrchestratorRef;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Quote;
import io.tabby.datastore.model.TierMetadata;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.CustomFilterKey;
import io.tabby.datastore.path.FelixStatusKey;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.GlobalConfigKey;
import io.tabby.datastore.path.HostBirdIpKey;
import io.tabby.datastore.path.HostConfigKey;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.HostEndpointStatusKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.NodeBgpFieldKey;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.OrchestratorRefsKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.path.ProfileLabelsKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.ProfileTagsKey;
import io.tabby.datastore.path.ReadyKey;
import io.tabby.datastore.path.ResourceKey;
import io.tabby.datastore.path.RouteReflectorKey;
import io.tabby.datastore.path.TierMetadataKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.path.WorkloadEndpointStatusKey;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes the text stored at a key into the value its family holds, and encodes a value back
 * into exactly the text Calico writes. Plain-string families ({@code config}, {@code bird_ip},
 * BGP {@code as_num}, custom filters, ...) pass the text through unchanged; {@code Ready} is
 * the JSON bool. Stateless and thread-safe: use {@link #INSTANCE}.
 */
public final class ValueCodec {

    /**
     * What Go writes for a nil slice or map. A top-level array or map value that is empty is
     * written this way, since libcalico-go writes profiles without tags or labels (and nodes
     * without orchestrator refs) from nil collections.
     */
    private static final String GO_NIL = "null";

    /** The one instance; it holds no state besides its immutable Jackson setup. */
    public static final ValueCodec INSTANCE = new ValueCodec();

    private final GoJson json = new GoJson();

    private ValueCodec() {}

    /**
     * The value stored at {@code key}.
     *
     * @throws MalformedValueException when the text is not what the key's family holds; the
     *     message names the key's path, the field and the problem
     */
    @SuppressWarnings("unchecked")
    public <V> V decode(Key<V> key, String text) {
        requireNonNull(key, "key is null");
        requireNonNull(text, "text is null");
        Decoding d = new Decoding(KeyPaths.toPath(key), json);
        try {
            return (V) decodeValue(key, text, d);
        } catch (IllegalArgumentException e) {
            // A record refused a combination of fields the field readers let through.
            throw d.error(null, e.getMessage(), e);
        }
    }

    private Object decodeValue(Key<?> key, String text, Decoding d) {
        return switch (key) {
            case ReadyKey _ -> ready(text, d);
            case GlobalConfigKey _ -> text;
            case HostConfigKey _ -> text;
            case HostBirdIpKey _ -> text;
            case NodeBgpFieldKey _ -> text;
            case GlobalBgpFieldKey _ -> text;
            case CustomFilterKey _ -> text;
            case HostMetadataKey _ -> NodeJson.decodeMetadata(object(text, d));
            case OrchestratorRefsKey _ -> NodeJson.decodeRefs(tree(text, d), d);
            case WorkloadEndpointKey _ -> EndpointJson.decodeWorkload(object(text, d));
            case HostEndpointKey _ -> EndpointJson.decodeHost(object(text, d));
            case IpPoolKey k -> PoolJson.decode(object(text, d), k.cidr());
            case ProfileRulesKey _ -> PolicyJson.decodeProfileRules(object(text, d));
            case ProfileTagsKey _ -> PolicyJson.decodeTags(tree(text, d), d);
            case ProfileLabelsKey _ -> PolicyJson.decodeLabels(tree(text, d), d);
            case PolicyKey _ -> PolicyJson.decodePolicy(object(text, d));
            case TierMetadataKey _ -> PolicyJson.decodeTier(object(text, d));
            case NodeBgpPeerKey k -> BgpJson.decodePeer(object(text, d), k.peerIp());
            case GlobalBgpPeerKey k -> BgpJson.decodePeer(object(text, d), k.peerIp());
            case NodeMeshKey _ -> BgpJson.decodeNodeMesh(object(text, d));
            case PrefixAdvertisementsKey k -> BgpJson.decodeAdvertisements(tree(text, d), d, k.family());
            case RouteReflectorKey k -> BgpJson.decodeRouteReflector(object(text, d), k.ip());
            case IpamConfigKey _ -> IpamConfigJson.decode(object(text, d));
            case BlockKey k -> BlockJson.decode(object(text, d), k.cidr());
            case BlockAffinityKey _ -> AffinityJson.decode(object(text, d));
            case IpamHandleKey _ -> HandleJson.decode(object(text, d));
            case FelixStatusKey _ -> FelixJson.decodeStatus(object(text, d));
            case WorkloadEndpointStatusKey _ -> FelixJson.decodeEndpoint(object(text, d));
            case HostEndpointStatusKey _ -> FelixJson.decodeEndpoint(object(text, d));
            case ResourceKey _ -> resource(text, d);
        };
    }

    /**
     * The text to store at {@code key} for {@code value}.
     *
     * @throws IllegalArgumentException when the value contradicts the key (a pool whose CIDR is
     *     not the key's, a peer whose address is not the key's)
     */
    public <V> String encode(Key<V> key, V value) {
        return encodeUnchecked(key, value);
    }

    /**
     * As {@link #encode(Key, Object)}, for callers holding a {@code Key<?>}: the value's type is
     * checked at run time.
     *
     * @throws IllegalArgumentException when the value is not of the key's value type, or
     *     contradicts the key
     */
    public String encodeUnchecked(Key<?> key, Object value) {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        return switch (key) {
            case ReadyKey k -> as(value, Boolean.class, k).toString();
            case GlobalConfigKey k -> as(value, String.class, k);
            case HostConfigKey k -> as(value, String.class, k);
            case HostBirdIpKey k -> as(value, String.class, k);
            case NodeBgpFieldKey k -> as(value, String.class, k);
            case GlobalBgpFieldKey k -> as(value, String.class, k);
            case CustomFilterKey k -> as(value, String.class, k);
            case HostMetadataKey k -> json.write(out -> NodeJson.encodeMetadata(as(value, HostMetadata.class, k), out));
            case OrchestratorRefsKey k -> nilIfEmpty(listOf(value, OrchestratorRef.class, k),
                    refs -> json.write(out -> NodeJson.encodeRefs(refs, out)));
            case WorkloadEndpointKey k ->
                json.write(out -> EndpointJson.encodeWorkload(as(value, WorkloadEndpoint.class, k), out));
            case HostEndpointKey k -> json.write(out -> EndpointJson.encodeHost(as(value, HostEndpoint.class, k), out));
            case IpPoolKey k -> json.write(out -> PoolJson.encode(pool(value, k), out));
            case ProfileRulesKey k ->
                json.write(out -> PolicyJson.encodeProfileRules(as(value, ProfileRules.class, k), out));
            case ProfileTagsKey k ->
                nilIfEmpty(listOf(value, String.class, k), tags -> json.write(out -> out.stringArray(tags)));
            case ProfileLabelsKey k -> mapOf(value, k).isEmpty()
                    ? GO_NIL
                    : json.write(out -> out.sortedStringMap(mapOf(value, k)));
            case PolicyKey k -> json.write(out -> PolicyJson.encodePolicy(as(value, Policy.class, k), out));
            case TierMetadataKey k -> json.write(out -> PolicyJson.encodeTier(as(value, TierMetadata.class, k), out));
            case NodeBgpPeerKey k -> json.write(out -> BgpJson.encodePeer(peer(value, k.peerIp(), k), out));
            case GlobalBgpPeerKey k -> json.write(out -> BgpJson.encodePeer(peer(value, k.peerIp(), k), out));
            case NodeMeshKey k -> json.write(out -> BgpJson.encodeNodeMesh(as(value, NodeMesh.class, k), out));
            case PrefixAdvertisementsKey k ->
                nilIfEmpty(adverts(value, k), adverts -> json.write(out -> BgpJson.encodeAdvertisements(adverts, out)));
            case RouteReflectorKey k -> json.write(out -> BgpJson.encodeRouteReflector(reflector(value, k), out));
            case IpamConfigKey k -> json.write(out -> IpamConfigJson.encode(as(value, IpamConfig.class, k), out));
            case BlockKey k -> BlockJson.encode(block(value, k));
            case BlockAffinityKey k -> json.write(out -> AffinityJson.encode(as(value, BlockAffinity.class, k), out));
            case IpamHandleKey k -> HandleJson.encode(as(value, IpamHandle.class, k));
            case FelixStatusKey k -> json.write(out -> FelixJson.encodeStatus(as(value, FelixStatus.class, k), out));
            case WorkloadEndpointStatusKey k ->
                json.write(out -> FelixJson.encodeEndpoint(as(value, EndpointStatus.class, k), out));
            case HostEndpointStatusKey k ->
                json.write(out -> FelixJson.encodeEndpoint(as(value, EndpointStatus.class, k), out));
            case ResourceKey k -> resourceText(as(value, JsonNode.class, k), k);
        };
    }

    // ---- decoding helpers ----

    private JsonNode tree(String text, Decoding d) {
        JsonNode node;
        try {
            node = json.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getOriginalMessage().startsWith("Trailing token")
                    ? "more text after the JSON value"
                    : e.getOriginalMessage();
            throw d.error(null, "is not valid JSON: " + what + where, e);
        }
        if (node == null || node.isMissingNode()) {
            throw d.error(null, "is empty, expected JSON");
        }
        return node;
    }

    private JsonIn object(String text, Decoding d) {
        return JsonIn.object(tree(text, d), d, null);
    }

    private static Boolean ready(String text, Decoding d) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw d.error(null, "is " + Quote.of(text) + ", expected true or false");
        };
    }

    private JsonNode resource(String text, Decoding d) {
        JsonNode node = tree(text, d);
        if (!node.isObject()) {
            throw d.error(null, "is " + Decoding.describe(node) + ", expected a resource as a JSON object");
        }
        return node;
    }

    private static <T> String nilIfEmpty(List<T> values, Function<List<T>, String> encoder) {
        return values.isEmpty() ? GO_NIL : encoder.apply(values);
    }

    private String resourceText(JsonNode node, ResourceKey key) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a resource is a JSON object, not " + Decoding.describe(node)
                    + " (" + KeyPaths.toPath(key) + ")");
        }
        return json.compact(node);
    }
}
