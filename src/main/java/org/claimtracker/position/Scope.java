package org.claimtracker.position;

/**
 * Which parties answer for a party when its positions are asked for: the party alone, the party
 * with its parts (every party whose parent chain leads to it), or also its members at the time of
 * each claim (dated memberships) with their parts. See tracker_scope in V12__position_scopes.sql.
 */
public enum Scope {
    self, parts, members
}
