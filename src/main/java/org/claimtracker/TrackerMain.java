package org.claimtracker;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.claimtracker.seed.SeedLoader;
import org.claimtracker.seed.SeedReport;

/**
 * Runs the tracker; with the argument {@code load-seeds} it loads the seed dataset into the
 * configured database and exits.
 */
@QuarkusMain
public class TrackerMain implements QuarkusApplication {

    @Inject
    SeedLoader seeds;

    public static void main(String... args) {
        Quarkus.run(TrackerMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && args[0].equals("load-seeds")) {
            SeedReport report = seeds.load();
            System.out.print(report);
            System.out.println(report.totalCreated() == 0 ? "Nothing to add: every seed record is already present."
                    : report.totalCreated() + " record(s) added.");
            return 0;
        }
        System.err.println("Usage: the tracker takes no arguments, or 'load-seeds'");
        return 2;
    }
}
