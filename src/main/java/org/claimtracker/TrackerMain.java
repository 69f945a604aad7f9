package org.claimtracker;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.claimtracker.account.TokenRequest;
import org.claimtracker.account.TokenService;
import org.claimtracker.account.TokenView;
import org.claimtracker.common.Actors;
import org.claimtracker.importer.ImportCommand;
import org.claimtracker.seed.SeedLoader;
import org.claimtracker.seed.SeedReport;

/**
 * Runs the tracker; with {@code load-seeds} it loads the seed dataset into the configured database,
 * with {@code issue-token <username> [days]} it prints a new API token of that account, and with
 * {@code import [options] FILE...} it imports records in bulk (see {@link ImportCommand}); then it exits.
 */
@QuarkusMain
public class TrackerMain implements QuarkusApplication {

    @Inject
    SeedLoader seeds;

    @Inject
    TokenService tokens;

    @Inject
    ImportCommand importCommand;

    public static void main(String... args) {
        Quarkus.run(TrackerMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length >= 2 && args.length <= 3 && args[0].equals("issue-token")) {
            Integer days = args.length == 3 ? Integer.valueOf(args[2]) : null;
            TokenView made = Actors.runAs("command-line", () -> tokens.issue(args[1], new TokenRequest("command line", days)));
            System.out.println(made.token());
            return 0;
        }
        if (args[0].equals("import")) {
            return importCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length == 1 && args[0].equals("load-seeds")) {
            SeedReport report = seeds.load();
            System.out.print(report);
            System.out.println(report.totalCreated() == 0 ? "Nothing to add: every seed record is already present."
                    : report.totalCreated() + " record(s) added.");
            return 0;
        }
        System.err.println("Usage: the tracker takes no arguments, or 'load-seeds', or 'issue-token <username> [days]', or 'import [options] FILE...'");
        return 2;
    }
}
