package org.claimtracker.party;

/** What sort of actor a party is. */
public enum PartyKind {
    state, government_body, armed_force, armed_group, coalition, monitor_ngo, media_outlet, person
}
