package org.claimtracker.importer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.Actors;
import org.claimtracker.web.Form;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Bulk import from the admin pages, for analysts who do not use a shell: upload a JSON Lines or CSV
 * file, check it (dry run) or import it, all or nothing, and see the counts or every bad row with its
 * line and reason, as {@code POST /api/import} and {@code ./tracker import} answer them. Recent imports
 * are listed with their progress.
 */
@Path("/admin/import")
@RolesAllowed(AccountRole.ANALYST)
@Produces(MediaType.TEXT_HTML)
public class ImportAdminResource {

    /** What an upload came to: the import's progress record and the rows refused (empty when none). */
    public record Result(ImportProgress progress, List<RowError> errors, boolean dryRun) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Form form, Result result, List<ImportProgress> recent, List<String> types);
    }

    /** The kinds of record a CSV file without a type column may hold. */
    static final List<String> TYPES = List.of("outlets", "parties", "articles", "claims", "responses");

    @Inject
    ImportService imports;

    @GET
    public TemplateInstance page() {
        return Templates.upload(Form.empty().with("dryRun", "true"), null, imports.recent(), TYPES);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("type") String type,
            @RestForm("dryRun") List<String> dryRun) {
        // The checkbox sends "true" after its hidden "false" when ticked.
        boolean check = dryRun != null && dryRun.contains("true");
        Form form = Form.empty().with("type", type).with("dryRun", check);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return refused(form, "file", "Choose a file to import");
        }
        String chosenType = type == null || type.isBlank() ? null : type.trim();
        if (chosenType != null && RowType.byName(chosenType) == null) {
            return refused(form, "type", "The kind of record must be one of outlets, parties, articles, claims, responses");
        }
        ImportFormat format = ImportFormat.detect(file.fileName());
        if (format == null) {
            format = ImportFormat.detect(file.contentType());
        }
        if (format == null) {
            return refused(form, "file", "Name the file .csv, .jsonl or .ndjson so that its format is known");
        }
        ImportSource source = new ImportSource(file.fileName(), () -> Files.newInputStream(file.uploadedFile()), file.size());
        ImportService.Outcome outcome = imports.run(List.of(source), format, chosenType, check, Actors.current(), null);
        Result result = new Result(outcome.progress(), outcome.errors(), check);
        int status = outcome.refused() ? 422 : 200;
        return Response.status(status).entity(Templates.upload(form, result, imports.recent(), TYPES)).build();
    }

    private Response refused(Form form, String field, String message) {
        form.reject(field, message);
        return Response.status(400).entity(Templates.upload(form, null, imports.recent(), TYPES)).build();
    }
}
