package org.claimtracker.position;

/** How many unresolved claims have been open between {@code fromDays} and {@code toDays} (null: no end) days. */
public record OpenSpan(String label, int fromDays, Integer toDays, long n) {
}
