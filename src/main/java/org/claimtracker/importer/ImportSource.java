package org.claimtracker.importer;

import java.io.IOException;
import java.io.InputStream;

/** One input of an import: a name for messages, its bytes, and its size when known (for progress). */
public record ImportSource(String name, Opener opener, long size) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
