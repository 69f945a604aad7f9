package org.claimtracker.report;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimtracker.core.ExportLimits;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;
import org.claimtracker.web.SharedTemplates;
import org.jboss.logging.Logger;

/**
 * Sends one report export, for the API ({@code GET /api/reports/{name}}) and the admin pages
 * ({@code GET /admin/reports/{name}}) alike: takes an export slot of the account (429 or 503 with
 * Retry-After when none is free), spools the report to a temporary file, and sends the file with its
 * Content-Length; the slot is given back and the file deleted when the last byte has left or the
 * client has gone.
 */
@ApplicationScoped
public class ReportDownloads {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger LOG = Logger.getLogger(ReportDownloads.class);

    @Inject
    ReportService service;

    @Inject
    ExportLimits limits;

    @Inject
    RoutingContext routing;

    /**
     * The response carrying the report. {@code browser}: asked from the admin pages, so JSON gets a
     * file name too (the browser saves it rather than showing it; CSV always has one) and a refusal is
     * a page rather than a problem document.
     */
    public Response send(ReportDefinition report, ReportQuery query, ReportFormat format, String account, boolean browser)
            throws IOException {
        String fileName = format == ReportFormat.csv || browser ? report.name() + "." + format.name() : null;
        return send(report.name(), fileName, format.mediaType(), () -> service.spool(query, format), account, browser);
    }

    /** Writes an export to a temporary file (ReportService.spool) and answers it. */
    @FunctionalInterface
    public interface Spooler {
        Path spool() throws IOException;
    }

    /**
     * The response carrying an export of any kind: takes the account's export slot, has
     * {@code spooler} write the export to a temporary file and sends it with its length; the slot
     * is given back and the file deleted when the last byte has left or the client has gone. A
     * {@code fileName} makes the answer a download of that name (Content-Disposition).
     */
    public Response send(String name, String fileName, MediaType type, Spooler spooler, String account, boolean browser)
            throws IOException {
        ExportLimits.Slot slot;
        try {
            slot = limits.take(account);
        } catch (ExportLimits.Refused refused) {
            Response busy = busy(refused.reason());
            if (!browser) {
                return busy;
            }
            Problem problem = (Problem) busy.getEntity();
            return Response.status(busy.getStatus()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(SharedTemplates.error(problem.status(), problem.title(), problem.detail())).build();
        }
        // A client that leaves before the last byte is no failure of the tracker's.
        routing.request().connection().exceptionHandler(e -> LOG.debugf("An export's client went away: %s", e));
        Path[] spooled = new Path[1];
        // Runs when the last byte has left or the client has gone, whichever comes first.
        routing.addEndHandler(done -> {
            slot.close();
            deleteQuietly(spooled[0]);
        });
        spooled[0] = spooler.spool();
        Path file = spooled[0];
        StreamingOutput body = out -> copy(file, out, name);
        Response.ResponseBuilder response = Response.ok(body, type)
                .header("Content-Length", Long.toString(Files.size(file)));
        if (fileName != null) {
            response.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        return response.build();
    }

    private Response busy(ExportLimits.Refusal reason) {
        Problem problem = reason == ExportLimits.Refusal.ACCOUNT
                ? new Problem(ProblemTypes.forStatus(429), "Too many exports", 429, "This account already has "
                        + limits.perAccount() + " exports in progress; try again when one of them has finished", null, null)
                : new Problem(ProblemTypes.forStatus(503), "Too many exports", 503,
                        "The tracker has as many exports in progress as it may; try again shortly", null, null);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem).build();
    }

    /**
     * Copies the spooled report to the client. A client that goes away before the end is not a
     * failure of the tracker's: it is noted at debug level, where Vert.x's own file sending would log
     * an error with a stack trace.
     */
    private static void copy(Path file, OutputStream out, String report) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                try {
                    out.write(buffer, 0, read);
                } catch (IOException gone) {
                    LOG.debugf("The client of export %s went away after %d bytes: %s", report, sent, gone.getMessage());
                    return;
                }
                sent += read;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot delete the export file %s: %s", file, e.getMessage());
        }
    }
}
