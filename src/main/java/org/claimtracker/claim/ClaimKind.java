package org.claimtracker.claim;

/**
 * What a claim alleges. {@code commentary} is not an allegation but an outlet's, author's or
 * pundit's reading of events: it is kept with its sources but gives no party a position unless
 * commentary is asked for (see V9__exclude_commentary_from_positions.sql).
 */
public enum ClaimKind {
    attack_attribution, casualties, cooperation, agreement_breach, capability, threat, other, commentary
}
