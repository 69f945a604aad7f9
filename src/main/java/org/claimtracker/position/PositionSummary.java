package org.claimtracker.position;

import java.time.LocalDate;
import java.util.Map;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** How many claims a party holds each position on, as of a date (null: today). */
public record PositionSummary(Ref party, @Nullable LocalDate asOf, Map<Position, Long> counts, long total) {

    public long count(String position) {
        return counts.getOrDefault(Position.valueOf(position), 0L);
    }
}
