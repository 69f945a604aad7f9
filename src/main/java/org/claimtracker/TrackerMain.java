package org.claimtracker;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Runs the tracker; with arguments it runs one command ({@link CommandLine}: load the seeds, make
 * an API token, import records) and exits with its status.
 */
@QuarkusMain
public class TrackerMain implements QuarkusApplication {

    @Inject
    CommandLine commands;

    public static void main(String... args) {
        commandSettings(args).forEach(System::setProperty);
        Quarkus.run(TrackerMain.class, args);
    }

    /**
     * Settings a command runs with, before anything is configured: its log goes to standard error,
     * so that standard output carries only what the command prints (a token, a summary).
     */
    static Map<String, String> commandSettings(String... args) {
        return args.length == 0 ? Map.of() : Map.of("quarkus.log.console.stderr", "true");
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return commands.run(args, System.out, System.err);
    }
}
