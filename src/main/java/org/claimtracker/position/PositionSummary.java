package org.claimtracker.position;

import java.time.LocalDate;
import java.util.Map;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** How many claims a party holds each position on, as of a date (null: today). */
public record PositionSummary(Ref party, @Nullable LocalDate asOf, Map<Position, Long> counts, long total) {

    /**
     * The summary that a party's positions per month add up to ({@link PositionService#monthsOf}):
     * the party page reads the months for its picture and so needs no second pass for the numbers
     * of its tabs (as of a date, each pass derives every position on the fly).
     */
    public static PositionSummary fromMonths(Ref party, @Nullable LocalDate asOf, java.util.List<PositionMonth> months) {
        Map<Position, Long> counts = new java.util.EnumMap<>(Position.class);
        for (Position position : Position.values()) {
            counts.put(position, 0L);
        }
        long total = 0;
        for (PositionMonth m : months) {
            counts.merge(m.position(), m.n(), Long::sum);
            total += m.n();
        }
        return new PositionSummary(party, asOf, counts, total);
    }

    public long count(String position) {
        return counts.getOrDefault(Position.valueOf(position), 0L);
    }
}
