package org.claimtracker.claim;

/** What a claim alleges. */
public enum ClaimKind {
    attack_attribution, casualties, cooperation, agreement_breach, capability, threat, other
}
