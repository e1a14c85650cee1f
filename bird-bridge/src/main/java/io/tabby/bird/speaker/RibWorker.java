package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.rib.ExportFilter;
import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.rib.Rib;
import io.tabby.bird.transport.BgpConnection;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The RIB thread: the only thread that touches the {@link Rib}. Peers and the API post tasks to
 * its queue; after each batch of tasks (up to {@link #BATCH} at a time, so a flood of UPDATEs is
 * applied before anything is sent) it drains the UPDATEs of every Established peer whose channel is
 * writable and hands them to the connection, which writes them on its own event loop. A peer whose
 * channel is full keeps its changes staged (and coalesced) in its Adj-RIB-Out until the channel
 * reports it is writable again.
 */
final class RibWorker implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(RibWorker.class);
    private static final int BATCH = 512;
    private static final int SWEEP_FLOOR = 4096;

    private final Rib rib;
    private final AttributeInterner interner;
    /** Sweep unused attribute sets once the interner grows past this. */
    private int sweepAt = SWEEP_FLOOR;
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Map<Integer, Outbound> outbound = new HashMap<>();
    private final Map<Integer, ImportFilter> importFilters = new HashMap<>();
    private final Map<Integer, PeerStatusCell> statusCells = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private record Outbound(BgpConnection connection, PeerInfo peer) {
    }

    RibWorker(Rib rib, AttributeInterner interner, java.util.concurrent.ThreadFactory threadFactory) {
        this.rib = requireNonNull(rib, "rib is null");
        this.interner = requireNonNull(interner, "interner is null");
        this.thread = threadFactory.newThread(this::run);
        this.thread.start();
    }

    /** Registers a configured peer (before its session starts). */
    void addPeer(PeerInfo peer, ImportFilter importFilter, ExportFilter exportFilter, PeerStatusCell status) {
        post(() -> {
            rib.addPeer(peer, exportFilter);
            importFilters.put(peer.id(), importFilter);
            statusCells.put(peer.id(), status);
        });
    }

    /** Forgets a peer that left the configuration; its routes are withdrawn. */
    void removePeer(int peerId) {
        post(() -> {
            outbound.remove(peerId);
            importFilters.remove(peerId);
            statusCells.remove(peerId);
            rib.removePeer(peerId);
        });
    }

    /** A new import policy; what the peer sends from now on (after a ROUTE-REFRESH) goes through it. */
    void replaceImportFilter(int peerId, ImportFilter filter) {
        post(() -> importFilters.put(peerId, filter));
    }

    void established(PeerInfo peer, SessionOptions send, Set<AfiSafi> families, BgpConnection connection) {
        post(() -> {
            outbound.put(peer.id(), new Outbound(connection, peer));
            rib.peerUp(peer, send, families);
        });
    }

    void down(int peerId, Set<AfiSafi> staleFamilies) {
        post(() -> {
            outbound.remove(peerId);
            rib.peerDown(peerId, staleFamilies);
        });
    }

    void flushStale(int peerId, Set<AfiSafi> families) {
        post(() -> rib.flushStale(peerId, families));
    }

    void update(int peerId, Update update, InboundGate gate) {
        gate.queued();
        post(() -> {
            try {
                Outbound up = outbound.get(peerId);
                if (up != null) {
                    ImportFiltering.apply(update, importFilters.get(peerId), up.peer(), u -> rib.receive(peerId, u));
                }
            } finally {
                gate.applied();
            }
        });
    }

    /**
     * Runs {@code task} on the RIB thread once everything posted before it was applied (End-of-RIB
     * is marked this way, after the peer's table and the best-path changes it caused).
     */
    void afterApplied(Runnable task) {
        post(task);
    }

    void withdraw(int peerId, DecodeResult.TreatAsWithdraw withdraw) {
        post(() -> {
            for (PrefixList prefixes : withdraw.withdrawn()) {
                rib.receive(peerId, Update.withdraw(prefixes));
            }
        });
    }

    void refresh(int peerId) {
        post(() -> rib.resend(peerId));
    }

    /** The peer's channel can take writes again: send what is staged. */
    void writable() {
        post(() -> { });
    }

    /** Runs {@code query} on the RIB thread. */
    <T> CompletableFuture<T> call(Function<Rib, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        post(() -> {
            try {
                result.complete(query.apply(rib));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The RIB itself, for tasks already running on the RIB thread. */
    Rib rib() {
        return rib;
    }

    void post(Runnable task) {
        queue.add(task);
    }

    private void run() {
        List<Runnable> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Runnable first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (Runnable task : batch) {
                    runSafely(task);
                }
                batch.clear();
                runSafely(this::sendStaged);
                runSafely(this::sweepIfGrown);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A bug in one task must not stop the RIB for every peer.
            LOG.error("RIB task failed", e);
        }
    }

    private void sendStaged() {
        for (Map.Entry<Integer, Outbound> e : outbound.entrySet()) {
            BgpConnection connection = e.getValue().connection();
            if (!connection.isWritable()) {
                continue;
            }
            List<Update> updates = rib.drain(e.getKey());
            if (!updates.isEmpty()) {
                try {
                    connection.sendUpdates(updates);
                } catch (RuntimeException failure) {
                    LOG.error("cannot send {} UPDATEs to peer {}", updates.size(), e.getKey(), failure);
                }
            }
        }
        for (Map.Entry<Integer, PeerStatusCell> e : statusCells.entrySet()) {
            e.getValue().counts(rib.importedCount(e.getKey()), rib.exportedCount(e.getKey()));
        }
    }

    /**
     * Attribute sets of withdrawn routes stay interned until swept; a sweep walks every route, so
     * it runs only when the interner has doubled since the last one.
     */
    private void sweepIfGrown() {
        if (interner.size() > sweepAt) {
            rib.sweepAttributes();
            sweepAt = Math.max(SWEEP_FLOOR, 2 * interner.size());
            LOG.debug("swept attribute sets: {} in use", interner.size());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
