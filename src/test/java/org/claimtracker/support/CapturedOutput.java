package org.claimtracker.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and standard error of the tracker's commands run inside a test, kept as text so
 * that the test can read what a user would have seen.
 */
public final class CapturedOutput {

    /** A command as ./tracker runs it: arguments in, text on two streams, an exit status out. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the command with these arguments, adding what it prints to what was captured before; its exit status. */
    public int run(Command command, String... args) {
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Everything printed on standard output so far. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Everything printed on standard error so far. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
