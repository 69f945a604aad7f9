package org.claimtracker.position;

import java.util.Map;
import org.claimtracker.core.Ref;

/** How many claims one party holds each position on. */
public record PartyCounts(Ref party, Map<Position, Long> counts, long total) {

    public long count(String position) {
        return counts.getOrDefault(Position.valueOf(position), 0L);
    }
}
