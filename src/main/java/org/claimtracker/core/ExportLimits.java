package org.claimtracker.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many report exports are in progress, per account and in all. An export is in progress
 * from the moment it is asked for until its last byte has left (or its client has gone), so that
 * clients reading slowly cannot pile up exports and their temporary files without end. Counts live
 * in memory, per instance; nothing waits for a slot: a request beyond a bound is refused at once.
 */
@ApplicationScoped
public class ExportLimits {

    /** Why an export was refused. */
    public enum Refusal {
        /** The account already has as many exports in progress as it may (429). */
        ACCOUNT,
        /** The tracker as a whole has (503). */
        TRACKER
    }

    /** A taken slot; closing it gives it back (once, however often it is closed). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    @Inject
    TrackerConfig config;

    /** Exports in progress per account; guarded by {@code this}, as is {@link #total}. */
    private final Map<String, Integer> byAccount = new HashMap<>();
    private int total;

    /** Thrown when no slot is free. */
    public static final class Refused extends RuntimeException {
        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** Takes a slot for the account's export, or throws {@link Refused}. */
    public Slot take(String account) {
        synchronized (this) {
            int mine = byAccount.getOrDefault(account, 0);
            if (mine >= config.exports().perAccount()) {
                throw new Refused(Refusal.ACCOUNT);
            }
            if (total >= config.exports().max()) {
                throw new Refused(Refusal.TRACKER);
            }
            byAccount.put(account, mine + 1);
            total++;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                giveBack(account);
            }
        };
    }

    /** Exports one account may have in progress (tracker.exports.per-account). */
    public int perAccount() {
        return config.exports().perAccount();
    }

    /** Exports in progress, in all. */
    public synchronized int inProgress() {
        return total;
    }

    private synchronized void giveBack(String account) {
        total--;
        byAccount.computeIfPresent(account, (a, n) -> n <= 1 ? null : n - 1);
    }
}
