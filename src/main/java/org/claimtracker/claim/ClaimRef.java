package org.claimtracker.claim;

/** A reference to a claim: its id and what it alleges. */
public record ClaimRef(long id, String proposition) {

    public static ClaimRef of(Claim claim) {
        return claim == null ? null : new ClaimRef(claim.id, claim.proposition);
    }
}
