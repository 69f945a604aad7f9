package org.claimtracker.position;

/** How a party stands to a claim: it made it, it is accused by it, or it only responded. */
public enum Role {
    claimant, addressed, respondent
}
