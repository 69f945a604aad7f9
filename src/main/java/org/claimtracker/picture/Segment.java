package org.claimtracker.picture;

/**
 * One part of a bar or a column: {@code value} of one series, the link it opens (null: none) and the
 * words of its title (hover, screen readers, the reading of a downloaded file).
 */
public record Segment(Series series, long value, String href, String title) {
}
