package org.claimtracker.seed;

/** The seed files are wrong: the message names the file and the record. */
public class SeedException extends RuntimeException {

    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
