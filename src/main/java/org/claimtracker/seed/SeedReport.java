package org.claimtracker.seed;

import java.util.Map;

/** What one seed load did: per kind of record, how many it created and how many were already there. */
public record SeedReport(Map<String, Integer> created, Map<String, Integer> existing) {

    public int totalCreated() {
        return created.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        created.forEach((kind, n) -> text.append(String.format("%-10s %4d created, %4d already present%n", kind, n,
                existing.getOrDefault(kind, 0))));
        return text.toString();
    }
}
