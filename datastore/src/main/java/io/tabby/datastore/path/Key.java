package io.tabby.datastore.path;

/**
 * A typed etcd key of the {@code /calico} layout, one record per key family. The type
 * parameter is the Java type of the value stored at the key (a model record, a list or map
 * for the JSON arrays and maps, {@code String} for plain-string values), which
 * {@code io.tabby.datastore.codec.ValueCodec} decodes to and encodes from.
 *
 * <p>{@link KeyPaths} turns a key into its path and a path back into a key.
 *
 * @param <V> the value type stored at this key
 */
public sealed interface Key<V>
        permits ReadyKey, GlobalConfigKey, HostConfigKey, HostMetadataKey, HostBirdIpKey, OrchestratorRefsKey,
                WorkloadEndpointKey, HostEndpointKey, IpPoolKey, ProfileRulesKey, ProfileTagsKey, ProfileLabelsKey,
                PolicyKey, TierMetadataKey, NodeBgpFieldKey, NodeBgpPeerKey, GlobalBgpFieldKey, NodeMeshKey,
                PrefixAdvertisementsKey, GlobalBgpPeerKey, CustomFilterKey, RouteReflectorKey, IpamConfigKey,
                BlockKey, BlockAffinityKey, IpamHandleKey, FelixStatusKey, WorkloadEndpointStatusKey,
                HostEndpointStatusKey, ResourceKey {

    /** The etcd path of this key; the same as {@link KeyPaths#toPath(Key)}. */
    default String path() {
        return KeyPaths.toPath(this);
    }
}
