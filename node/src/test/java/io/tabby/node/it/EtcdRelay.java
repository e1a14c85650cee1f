package io.tabby.node.it;

import io.tabby.testkit.bgp.NetnsThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes the test's etcd (on the root namespace's loopback) reachable from a node namespace at the
 * same address, {@code 127.0.0.1:<port>}, so a node agent there uses the test's endpoints as they
 * are. The listening socket is made by a thread inside the namespace; each accepted connection is
 * joined to a connection that threads started here, in the root namespace, open to etcd (a socket
 * belongs to the namespace of the thread that creates it, and a new thread inherits its creator's).
 */
final class EtcdRelay implements AutoCloseable {
    private final ServerSocket server;
    private final ThreadPoolExecutor rootThreads;
    private final List<Socket> sockets = new ArrayList<>();

    private EtcdRelay(ServerSocket server, ThreadPoolExecutor rootThreads) {
        this.server = server;
        this.rootThreads = rootThreads;
    }

    /** Listens on {@code 127.0.0.1:port} in {@code namespace} (its loopback must be up). Call from a root-namespace thread. */
    static EtcdRelay start(String namespace, int port) {
        ThreadPoolExecutor rootThreads = new ThreadPoolExecutor(4, 4, 1, TimeUnit.DAYS, new LinkedBlockingQueue<>(),
                task -> Thread.ofPlatform().daemon(true).name("etcd-relay-root").unstarted(task));
        rootThreads.prestartAllCoreThreads();
        CompletableFuture<ServerSocket> bound = new CompletableFuture<>();
        NetnsThreads.factory(namespace, "etcd-relay-" + namespace).newThread(() -> {
            try {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                bound.complete(socket);
            } catch (IOException | RuntimeException e) {
                bound.completeExceptionally(e);
            }
        }).start();
        ServerSocket server = bound.orTimeout(10, TimeUnit.SECONDS).join();
        EtcdRelay relay = new EtcdRelay(server, rootThreads);
        Thread.ofPlatform().daemon(true).name("etcd-relay-accept").start(() -> relay.accept(port));
        return relay;
    }

    private void accept(int port) {
        while (!server.isClosed()) {
            try {
                Socket inside = server.accept();
                rootThreads.execute(() -> join(inside, port));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void join(Socket inside, int port) {
        try {
            Socket outside = new Socket(InetAddress.getLoopbackAddress(), port);
            synchronized (sockets) {
                sockets.add(inside);
                sockets.add(outside);
            }
            pump(inside, outside);
            pump(outside, inside);
        } catch (IOException e) {
            closeQuietly(inside);
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon(true).name("etcd-relay-pump").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away; the other is closed below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            synchronized (sockets) {
                sockets.forEach(EtcdRelay::closeQuietly);
                sockets.clear();
            }
            rootThreads.shutdownNow();
        }
    }
}
