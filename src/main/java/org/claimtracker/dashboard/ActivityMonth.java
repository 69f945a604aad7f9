package org.claimtracker.dashboard;

/** How many claims and responses were stated in one month ({@code yyyy-MM}). */
public record ActivityMonth(String month, long claims, long responses) {
}
