package org.claimtracker.claim;

import java.time.LocalDate;
import org.claimtracker.common.Ref;

/** A claim in a list. {@code incident} names the incident by its title. */
public record ClaimSummary(long id, String ref, Ref claimant, Ref addressedParty, String proposition, ClaimKind kind,
        LocalDate statedOn, Ref incident, Integer casualtiesLow, Integer casualtiesHigh, Grading grading) {
}
