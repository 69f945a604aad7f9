package org.claimtracker.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The live state of one import, read by GET /api/imports while the import thread updates it. */
final class ImportJob {

    final String id = UUID.randomUUID().toString();
    final String actor;
    final List<String> sources;
    final Long bytesTotal;
    final Instant startedAt = Instant.now();
    volatile ImportState state = ImportState.running;
    volatile String phase = "reading";
    volatile long bytesRead;
    volatile long rowsRead;
    volatile long badRows;
    volatile long rowsToWrite;
    volatile long rowsWritten;
    volatile Instant finishedAt;
    volatile String detail;
    final Map<String, Long> created = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    ImportJob(String actor, List<String> sources, Long bytesTotal) {
        this.actor = actor;
        this.sources = sources;
        this.bytesTotal = bytesTotal;
    }

    ImportProgress snapshot() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
        int percent;
        if (finishedAt != null) {
            percent = 100;
        } else {
            double reading = bytesTotal == null || bytesTotal == 0 ? 0 : Math.min(1.0, (double) bytesRead / bytesTotal);
            double writing = rowsToWrite == 0 ? 0 : Math.min(1.0, (double) rowsWritten / rowsToWrite);
            percent = (int) Math.min(99, Math.floor(50 * reading + 50 * writing));
        }
        Map<String, Long> counts;
        synchronized (created) {
            counts = new java.util.TreeMap<>(created);
        }
        return new ImportProgress(id, actor, state.name(), phase, sources, bytesRead, bytesTotal, rowsRead, badRows, percent,
                counts, startedAt, finishedAt, Math.round(seconds * 1000) / 1000.0,
                seconds == 0 ? 0 : Math.round(rowsRead / seconds), detail);
    }
}
