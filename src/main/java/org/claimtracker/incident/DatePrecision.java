package org.claimtracker.incident;

/** How precisely an incident's date is known. */
public enum DatePrecision {
    day, month, year, range, unknown
}
