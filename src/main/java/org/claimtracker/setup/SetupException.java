package org.claimtracker.setup;

/** The set-up cannot go on; the message says why and what to do, in the words printed to the user. */
public class SetupException extends RuntimeException {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
