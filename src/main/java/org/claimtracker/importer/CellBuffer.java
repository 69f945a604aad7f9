package org.claimtracker.importer;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.TextBuffer;
import java.io.IOException;

/**
 * The buffer in which Jackson's CSV parser gathers one cell, with a bound: once a cell holds more
 * than {@code limit} characters, what it gathered is dropped and the parser reads the rest of the
 * cell into the same segment again and again, so that a cell of any length costs at most
 * {@code limit} characters of memory and nothing more is allocated. The parser itself goes on
 * exactly as with any other cell (quotes, doubled quotes, line breaks), so the next cell and the next
 * record are found where they are; {@link #tooLong()} says that the cell just read was cut.
 *
 * <p>Jackson's own bound ({@code StreamReadConstraints.maxStringLength}) throws in the middle of a
 * cell instead, leaving the parser somewhere inside it (perhaps within quotes), from where the rest
 * of the record cannot be found reliably.
 */
final class CellBuffer extends TextBuffer {

    private final int limit;
    private char[] current;
    private long kept;
    private boolean tooLong;

    CellBuffer(BufferRecycler recycler, int limit) {
        super(recycler);
        this.limit = limit;
    }

    /** Whether the cell last read held more than the limit (its text is then only a tail of it). */
    boolean tooLong() {
        return tooLong;
    }

    @Override
    public char[] emptyAndGetCurrentSegment() {
        // The parser starts every cell that is not empty here.
        tooLong = false;
        kept = 0;
        current = super.emptyAndGetCurrentSegment();
        return current;
    }

    @Override
    public void resetWithString(String value) throws IOException {
        // ... and every empty one here.
        tooLong = false;
        kept = 0;
        super.resetWithString(value);
    }

    @Override
    public char[] finishCurrentSegment() throws IOException {
        // Called when the segment is full and the cell goes on.
        kept += current.length;
        if (!tooLong && kept <= limit) {
            current = super.finishCurrentSegment();
            return current;
        }
        if (!tooLong) {
            tooLong = true;
            current = super.emptyAndGetCurrentSegment();
        }
        return current;
    }
}
