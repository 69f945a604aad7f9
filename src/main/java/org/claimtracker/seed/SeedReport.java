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
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>(created.keySet());
        kinds.addAll(existing.keySet());
        kinds.forEach(kind -> text.append(String.format("%-12s %4d created, %4d already present%n", kind,
                created.getOrDefault(kind, 0), existing.getOrDefault(kind, 0))));
        return text.toString();
    }
}
