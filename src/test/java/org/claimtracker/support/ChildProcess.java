package org.claimtracker.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts beside the tracker under test (a validating proxy, another instance): it
 * listens on a port and writes its output to a log. Waiting for it to be ready fails with the log's
 * tail as soon as it stops, or once the patience runs out; closing it stops it.
 */
public abstract class ChildProcess implements AutoCloseable {

    /** Whether the process answers yet; an {@link IOException} means not yet. */
    protected interface Probe {
        boolean ready() throws IOException, InterruptedException;
    }

    protected final Process process;
    protected final int port;
    protected final Path log;

    protected ChildProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Polls {@code probe} (every 200 ms, or sooner should the process stop) until it answers true; fails
     * naming {@code what} if the process stops first or is not ready within {@code patience}, which
     * also stops it.
     */
    protected final void awaitReady(String what, Duration patience, Probe probe) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(what + " stopped (exit " + process.exitValue() + "):\n" + tail());
                }
                try {
                    if (probe.ready()) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        close();
        throw new IllegalStateException(what + " was not ready within " + patience + ":\n" + tail());
    }

    /** The last lines the process wrote. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process: asks it to end, and ends it forcibly if it has not within 30 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
