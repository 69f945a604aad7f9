package org.claimtracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Arrays;
import org.claimtracker.account.TokenRequest;
import org.claimtracker.account.TokenService;
import org.claimtracker.account.TokenDetail;
import org.claimtracker.core.Actors;
import org.claimtracker.core.Failures;
import org.claimtracker.core.Problem;
import org.claimtracker.importer.ImportCommand;
import org.claimtracker.seed.SeedLoader;
import org.claimtracker.seed.SeedReport;

/**
 * The tracker's commands. A command that prints a value (a token) prints only that value on
 * standard output, so that {@code TOKEN=$(./tracker token viewer)} captures it and nothing else;
 * everything else (progress, messages, errors) goes to standard error, and a failure exits non-zero
 * with a sentence, not a stack trace.
 */
@ApplicationScoped
public class CommandLine {

    static final String USAGE = "usage: the tracker takes no arguments, or 'load-seeds', or 'issue-token <username> [days]',"
            + " or 'import [options] FILE...'";

    @Inject
    SeedLoader seeds;

    @Inject
    TokenService tokens;

    @Inject
    ImportCommand importCommand;

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 2 && args.length <= 3 && args[0].equals("issue-token")) {
            return issueToken(args[1], args.length == 3 ? args[2] : null, out, err);
        }
        if (args.length >= 1 && args[0].equals("import")) {
            return importCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length == 1 && args[0].equals("load-seeds")) {
            SeedReport report = seeds.load();
            out.print(report);
            out.println(report.totalCreated() == 0 ? "Nothing to add: every seed record is already present."
                    : report.totalCreated() + " record(s) added.");
            return 0;
        }
        err.println(USAGE);
        return 2;
    }

    private int issueToken(String username, String daysText, PrintStream out, PrintStream err) {
        Integer days;
        try {
            days = daysText == null ? null : Integer.valueOf(daysText);
        } catch (NumberFormatException e) {
            err.println("tracker: days must be a whole number of days (1 to 365), not '" + daysText + "'");
            return 2;
        }
        try {
            TokenDetail made = Actors.runAs(Actors.commandLine(null), () -> tokens.issue(username, new TokenRequest("command line", days)));
            out.println(made.token());
            return 0;
        } catch (RuntimeException e) {
            Problem problem = Failures.of(e);
            if (problem == null) {
                throw e;
            }
            err.println("tracker: " + problem.detail());
            return 1;
        }
    }
}
