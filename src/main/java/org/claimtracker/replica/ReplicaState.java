package org.claimtracker.replica;

import java.time.Instant;

/**
 * What the last look at the streaming replica found: whether it can serve reads, and how far it
 * trails the primary. {@code lagBytes} and {@code lagSeconds} are null when the replica could not
 * be asked.
 *
 * <p>{@code lagBytes} is the WAL the primary had written and the replica had not yet replayed;
 * {@code lagSeconds} is 0 when the replica had replayed everything, else how long the oldest change
 * it lacks may have been waiting: the age of the last transaction it replayed (its clock against
 * that transaction's commit time on the primary), at most the time since a check last found it
 * caught up.
 */
public record ReplicaState(Status status, Long lagBytes, Double lagSeconds, Instant checkedAt, String detail) {

    public enum Status {
        /** No replica is configured: every read goes to the primary. */
        NOT_CONFIGURED,
        /** Not looked at yet (the first look is under way). */
        UNKNOWN,
        /** A standby that answers: reads may go there. */
        STREAMING,
        /** Does not answer: reads go to the primary. */
        DOWN,
        /** Answers but is not in recovery (promoted, or not a replica at all): reads go to the primary. */
        NOT_A_STANDBY
    }

    static ReplicaState notConfigured() {
        return new ReplicaState(Status.NOT_CONFIGURED, null, null, null, null);
    }

    boolean serves() {
        return status == Status.STREAMING || status == Status.UNKNOWN;
    }
}
