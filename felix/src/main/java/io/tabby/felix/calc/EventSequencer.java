package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.api.DataplaneMessage.ActivePolicyRemove;
import io.tabby.felix.api.DataplaneMessage.HostEndpointRemove;
import io.tabby.felix.api.DataplaneMessage.ActivePolicyUpdate;
import io.tabby.felix.api.DataplaneMessage.ActiveProfileRemove;
import io.tabby.felix.api.DataplaneMessage.ActiveProfileUpdate;
import io.tabby.felix.api.DataplaneMessage.InSync;
import io.tabby.felix.api.DataplaneMessage.IpPoolRemove;
import io.tabby.felix.api.DataplaneMessage.IpipTunnelRemove;
import io.tabby.felix.api.DataplaneMessage.IpPoolUpdate;
import io.tabby.felix.api.DataplaneMessage.IpSetRemove;
import io.tabby.felix.api.DataplaneMessage.RouteRemove;
import io.tabby.felix.api.DataplaneMessage.VtepRemove;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointRemove;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns a new {@link DesiredState} into the messages that change the previously emitted one into
 * it, in the flush order of {@code io.tabby.felix.api} (referenced things first in, last out), then
 * {@link InSync} after the first flush. Unchanged things are not re-sent; within one kind, messages
 * go out in key order so that a batch is reproducible. After a rebuild it diffs whole states; an
 * endpoint-only flush ({@link #flush(CalcChanges)}) looks only at the keys that changed, so its
 * cost does not grow with the number of endpoints.
 */
public final class EventSequencer {
    private final Consumer<DataplaneMessage> out;
    private DesiredState emitted = DesiredState.EMPTY;
    /**
     * The big kinds as last emitted, kept as mutable maps so that an endpoint-only flush updates
     * them key by key; {@link #emitted} holds the rest (and stale copies of these four).
     */
    private final Map<String, DataplaneMessage.IpSetUpdate> emittedSets = new HashMap<>();
    private final Map<String, Policy> emittedPolicies = new HashMap<>();
    private final Map<String, ProfileRules> emittedProfiles = new HashMap<>();
    private final Map<WorkloadEndpointKey, DataplaneMessage.WorkloadEndpointUpdate> emittedEndpoints = new HashMap<>();
    private boolean inSyncSent;

    public EventSequencer(Consumer<DataplaneMessage> out) {
        this.out = requireNonNull(out, "out is null");
    }

    /** Emits what changed from the last flushed state to {@code next}. */
    public void flush(DesiredState next) {
        requireNonNull(next, "next is null");
        Comparator<WorkloadEndpointKey> endpointOrder = byPath();
        Comparator<HostEndpointKey> hostOrder = byPath();
        DesiredState last = new DesiredState(emittedSets, emitted.pools(), emittedPolicies, emittedProfiles,
                emittedEndpoints, emitted.hostEndpoints(), emitted.vteps(), emitted.ipipTunnels(), emitted.routes());
        updates(last.ipSets(), next.ipSets(), Comparator.naturalOrder(), (id, set) -> out.accept(set));
        updates(last.pools(), next.pools(), Comparator.comparing(Object::toString),
                (cidr, pool) -> out.accept(new IpPoolUpdate(pool)));
        updates(last.vteps(), next.vteps(), Comparator.naturalOrder(), (node, vtep) -> out.accept(vtep));
        updates(last.ipipTunnels(), next.ipipTunnels(), Comparator.naturalOrder(), (node, tunnel) -> out.accept(tunnel));
        updates(last.routes(), next.routes(), Comparator.comparing(Object::toString),
                (cidr, route) -> out.accept(route));
        updates(last.policies(), next.policies(), Comparator.naturalOrder(),
                (name, policy) -> out.accept(new ActivePolicyUpdate(name, policy)));
        updates(last.profiles(), next.profiles(), Comparator.naturalOrder(),
                (name, rules) -> out.accept(new ActiveProfileUpdate(name, rules)));
        updates(last.endpoints(), next.endpoints(), endpointOrder,
                (key, update) -> out.accept(update));
        updates(last.hostEndpoints(), next.hostEndpoints(), hostOrder,
                (key, update) -> out.accept(update));
        removes(last.endpoints(), next.endpoints(), endpointOrder,
                key -> out.accept(new WorkloadEndpointRemove(key)));
        removes(last.hostEndpoints(), next.hostEndpoints(), hostOrder,
                key -> out.accept(new HostEndpointRemove(key)));
        removes(last.policies(), next.policies(), Comparator.naturalOrder(),
                name -> out.accept(new ActivePolicyRemove(name)));
        removes(last.profiles(), next.profiles(), Comparator.naturalOrder(),
                name -> out.accept(new ActiveProfileRemove(name)));
        removes(last.pools(), next.pools(), Comparator.comparing(Object::toString),
                cidr -> out.accept(new IpPoolRemove(cidr)));
        removes(last.routes(), next.routes(), Comparator.comparing(Object::toString),
                cidr -> out.accept(new RouteRemove(cidr)));
        removes(last.ipipTunnels(), next.ipipTunnels(), Comparator.naturalOrder(),
                node -> out.accept(new IpipTunnelRemove(node)));
        removes(last.vteps(), next.vteps(), Comparator.naturalOrder(), node -> out.accept(new VtepRemove(node)));
        removes(last.ipSets(), next.ipSets(), Comparator.naturalOrder(), id -> out.accept(new IpSetRemove(id)));
        emitted = next;
        replace(emittedSets, next.ipSets());
        replace(emittedPolicies, next.policies());
        replace(emittedProfiles, next.profiles());
        replace(emittedEndpoints, next.endpoints());
        sendInSyncOnce();
    }

    /**
     * Emits what an endpoint-only flush changed, in the same order as {@link #flush(DesiredState)}
     * (set updates, policies, profiles, endpoints; then endpoint, policy, profile and set removals).
     */
    void flush(CalcChanges changes) {
        requireNonNull(changes, "changes is null");
        changed(emittedSets, changes.ipSets(), Comparator.naturalOrder(), (id, set) -> out.accept(set));
        changed(emittedPolicies, changes.policies(), Comparator.naturalOrder(),
                (name, policy) -> out.accept(new ActivePolicyUpdate(name, policy)));
        changed(emittedProfiles, changes.profiles(), Comparator.naturalOrder(),
                (name, rules) -> out.accept(new ActiveProfileUpdate(name, rules)));
        changed(emittedEndpoints, changes.endpoints(), Comparator.comparing(KeyPaths::toPath),
                (key, update) -> out.accept(update));
        gone(emittedEndpoints, changes.endpoints(), Comparator.comparing(KeyPaths::toPath),
                key -> out.accept(new WorkloadEndpointRemove(key)));
        gone(emittedPolicies, changes.policies(), Comparator.naturalOrder(),
                name -> out.accept(new ActivePolicyRemove(name)));
        gone(emittedProfiles, changes.profiles(), Comparator.naturalOrder(),
                name -> out.accept(new ActiveProfileRemove(name)));
        gone(emittedSets, changes.ipSets(), Comparator.naturalOrder(), id -> out.accept(new IpSetRemove(id)));
        sendInSyncOnce();
    }

    /**
     * Key order by datastore path, each key's path made once: a sort of 10,000 endpoints compares
     * keys a few hundred thousand times.
     */
    private static <K extends Key<?>> Comparator<K> byPath() {
        Map<K, String> paths = new HashMap<>();
        return Comparator.comparing(key -> paths.computeIfAbsent(key, KeyPaths::toPath));
    }

    private void sendInSyncOnce() {
        if (!inSyncSent) {
            inSyncSent = true;
            out.accept(new InSync());
        }
    }

    private static <K, V> void replace(Map<K, V> emittedKind, Map<K, V> next) {
        emittedKind.clear();
        emittedKind.putAll(next);
    }

    /** Emits and records the changed keys that now have a value different from the one emitted. */
    private static <K, V> void changed(Map<K, V> emittedKind, Map<K, V> changes, Comparator<? super K> order,
            BiConsumer<K, V> emit) {
        changes.keySet().stream().filter(k -> changes.get(k) != null && !changes.get(k).equals(emittedKind.get(k)))
                .sorted(order).forEach(k -> {
                    emittedKind.put(k, changes.get(k));
                    emit.accept(k, changes.get(k));
                });
    }

    /** Emits and forgets the changed keys that are gone and were emitted. */
    private static <K, V> void gone(Map<K, V> emittedKind, Map<K, V> changes, Comparator<? super K> order,
            Consumer<K> emit) {
        changes.keySet().stream().filter(k -> changes.get(k) == null && emittedKind.containsKey(k)).sorted(order)
                .forEach(k -> {
                    emittedKind.remove(k);
                    emit.accept(k);
                });
    }

    private static <K, V> void updates(Map<K, V> last, Map<K, V> next, Comparator<? super K> order,
            BiConsumer<K, V> emit) {
        next.keySet().stream().filter(k -> !Objects.equals(last.get(k), next.get(k))).sorted(order)
                .forEach(k -> emit.accept(k, next.get(k)));
    }

    private static <K, V> void removes(Map<K, V> last, Map<K, V> next, Comparator<? super K> order,
            Consumer<K> emit) {
        last.keySet().stream().filter(k -> !next.containsKey(k)).sorted(order).forEach(emit);
    }
}
