package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

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
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns a new {@link DesiredState} into the messages that change the previously emitted one into
 * it, in the flush order of {@code io.tabby.felix.api} (referenced things first in, last out), then
 * {@link InSync} after the first flush. Unchanged things are not re-sent; within one kind, messages
 * go out in key order so that a batch is reproducible.
 */
public final class EventSequencer {
    private final Consumer<DataplaneMessage> out;
    private DesiredState emitted = DesiredState.EMPTY;
    private boolean inSyncSent;

    public EventSequencer(Consumer<DataplaneMessage> out) {
        this.out = requireNonNull(out, "out is null");
    }

    /** Emits what changed from the last flushed state to {@code next}. */
    public void flush(DesiredState next) {
        requireNonNull(next, "next is null");
        DesiredState last = emitted;
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
        updates(last.endpoints(), next.endpoints(), Comparator.comparing(KeyPaths::toPath),
                (key, update) -> out.accept(update));
        updates(last.hostEndpoints(), next.hostEndpoints(), Comparator.comparing(KeyPaths::toPath),
                (key, update) -> out.accept(update));
        removes(last.endpoints(), next.endpoints(), Comparator.comparing(KeyPaths::toPath),
                key -> out.accept(new WorkloadEndpointRemove(key)));
        removes(last.hostEndpoints(), next.hostEndpoints(), Comparator.comparing(KeyPaths::toPath),
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
        if (!inSyncSent) {
            inSyncSent = true;
            out.accept(new InSync());
        }
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
