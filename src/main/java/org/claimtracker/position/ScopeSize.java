package org.claimtracker.position;

/**
 * How many parties answer for a party beyond itself: its parts (every party whose parent chain
 * leads to it) and its members (the parties with a dated membership of it, at any time).
 */
public record ScopeSize(long parts, long members) {
}
