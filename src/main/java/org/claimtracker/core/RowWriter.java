package org.claimtracker.core;

import java.io.IOException;
import java.util.List;

/**
 * Writes a report's rows as they are read, one at a time, so that an export of any size holds
 * one row in memory. Values are Long, BigDecimal, Boolean, String (dates as ISO 8601) or null.
 */
public interface RowWriter {

    void start(List<String> columns) throws IOException;

    void row(Object[] values) throws IOException;

    void finish() throws IOException;
}
