package io.tabby.bench.confd;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe a {@code reload_cmd} writes one line to each time it runs; a reader thread stamps
 * each line's arrival with {@link System#nanoTime()}. The pipe is opened read-write, so opening it
 * never blocks and a writer closing it never ends the stream.
 */
final class ReloadPipe implements AutoCloseable {
    /** Written by {@link #close} so the blocked reader wakes up and ends. */
    private static final int STOP = 'q';

    private final Path path;
    private final RandomAccessFile pipe;
    private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private final Thread reader;

    ReloadPipe(Path path) throws IOException, InterruptedException {
        this.path = path;
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        this.pipe = new RandomAccessFile(path.toFile(), "rw");
        this.reader = Thread.ofPlatform().name("reload-pipe").daemon(true).start(this::read);
    }

    /** The shell line that signals one reload. */
    String reloadCommand() {
        return "echo r > " + path;
    }

    private void read() {
        try {
            int b;
            while ((b = pipe.read()) >= 0 && b != STOP) {
                if (b == '\n') {
                    arrivals.add(System.nanoTime());
                }
            }
        } catch (IOException e) {
            // closed: the benchmark is over
        }
    }

    /** The next reload's arrival time, or -1 if none came within {@code timeoutMillis}. */
    long next(long timeoutMillis) throws InterruptedException {
        Long at = arrivals.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        return at == null ? -1 : at;
    }

    /** Forgets reloads seen so far; returns how many there were. */
    int drain() {
        return arrivals.drainTo(new ArrayList<>());
    }

    @Override
    public void close() throws IOException {
        try (var writer = new java.io.FileOutputStream(path.toFile())) {
            writer.write(STOP);
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipe.close();
        Files.deleteIfExists(path);
    }
}
