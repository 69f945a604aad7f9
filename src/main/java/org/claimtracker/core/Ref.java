package org.claimtracker.core;

/** A reference to another record: its id and the name a reader recognises it by. */
public record Ref(long id, String name) {
}
