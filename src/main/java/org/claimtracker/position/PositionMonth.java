package org.claimtracker.position;

/**
 * How many of a party's positions of one kind were taken in one month ({@code yyyy-MM}): the month
 * of the party's latest response on the claim, or of the claim itself when it has no response.
 */
public record PositionMonth(String month, Position position, long n) {
}
