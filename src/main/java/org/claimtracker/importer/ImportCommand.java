package org.claimtracker.importer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.core.Actors;

/**
 * {@code ./tracker import [--type T] [--format jsonl|csv] [--dry-run] [--as NAME] FILE...}: the files
 * are one import (all or nothing), read in the order given; "-" reads standard input. Progress goes
 * to standard error about once a second; bad rows are listed with file and line.
 */
@ApplicationScoped
public class ImportCommand {

    static final String USAGE = """
            usage: ./tracker import [--type outlets|parties|articles|claims|responses] [--format jsonl|csv]
                                    [--dry-run] [--as NAME] FILE...
              Imports the files as one all-or-nothing import. The format follows each file's name
              (.csv, otherwise JSON Lines) unless --format says; --type is for CSV files without a type
              column; --dry-run checks every row and writes nothing; --as NAME names who the audit
              trail records, marked as given on the command line: cli:NAME (default: cli: and your
              login name). "-" reads standard input.""";

    @Inject
    ImportService imports;

    public int run(String[] args, PrintStream out, PrintStream err) {
        String type = null;
        ImportFormat format = null;
        boolean dryRun = false;
        String actor = null;
        List<ImportSource> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--type" -> {
                    if (++i == args.length || RowType.byName(args[i]) == null) {
                        err.println("--type takes one of outlets, parties, articles, claims, responses\n" + USAGE);
                        return 2;
                    }
                    type = args[i];
                }
                case "--format" -> {
                    if (++i == args.length || ImportFormat.detect(args[i]) == null) {
                        err.println("--format takes jsonl or csv\n" + USAGE);
                        return 2;
                    }
                    format = ImportFormat.detect(args[i]);
                }
                case "--dry-run" -> dryRun = true;
                case "--as" -> {
                    if (++i == args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    actor = args[i];
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        err.println("unknown option " + arg + "\n" + USAGE);
                        return 2;
                    }
                    if (arg.equals("-")) {
                        sources.add(new ImportSource("stdin", () -> System.in, -1));
                        continue;
                    }
                    Path file = Path.of(arg);
                    if (!Files.isReadable(file)) {
                        err.println("cannot read " + arg);
                        return 2;
                    }
                    try {
                        sources.add(new ImportSource(arg, () -> Files.newInputStream(file), Files.size(file)));
                    } catch (IOException e) {
                        err.println("cannot read " + arg + ": " + e.getMessage());
                        return 2;
                    }
                }
            }
        }
        if (sources.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        ImportFormat chosen = format;
        String chosenType = type;
        boolean check = dryRun;
        ImportService.Outcome outcome = Actors.runAs(Actors.commandLine(actor), () -> imports.run(sources, chosen, chosenType, check,
                Actors.current(), p -> err.println(describe(p))));
        ImportProgress p = outcome.progress();
        if (outcome.refused()) {
            err.println("Nothing was imported: " + p.badRows() + " bad row(s).");
            for (RowError e : outcome.errors()) {
                err.println("  " + e.source() + " line " + e.line() + (e.field() == null ? "" : ", " + e.field()) + ": "
                        + e.message());
            }
            if (p.badRows() > outcome.errors().size()) {
                err.println("  ... and more; fix these and run again");
            }
            return 1;
        }
        out.println((p.state().equals("checked") ? "Checked, nothing written; would create: " : "Imported: ") + p.created()
                + String.format(" in %.1f s (%d rows read, %.0f rows/s)", p.seconds(), p.rowsRead(), p.rowsPerSecond()));
        return 0;
    }

    static String describe(ImportProgress p) {
        return String.format("import: %-22s %3d%%  %,d rows read  %,d MB  %.0f rows/s  %.1f s", p.phase(), p.percent(),
                p.rowsRead(), p.bytesRead() / 1_000_000, p.rowsPerSecond(), p.seconds());
    }
}
