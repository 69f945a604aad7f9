package org.claimtracker.importer;

import static org.claimtracker.api.DataTypes.JSON_LINES;
import static org.claimtracker.api.DataTypes.JSONL;
import static org.claimtracker.api.DataTypes.CSV;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.Actors;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(AccountRole.ANALYST)
@Path("/api")
@Tag(name = "Import", description = "Bulk import of outlets, parties, articles, claims and responses from JSON Lines or CSV")
public class ImportResource {

    @Inject
    ImportService imports;

    @POST
    @Path("import")
    @Consumes({JSON_LINES, JSONL, CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importRecords", summary = "Import records in bulk, all or nothing",
            description = "The body is JSON Lines (one object per line with a \"type\": outlet, party, article, claim or"
                    + " response) or CSV with a header row (the kind of record from a type column, or for the whole file"
                    + " from the type parameter). Records refer to each other and to stored records by name, URL and ref;"
                    + " see the README's 'Bulk import' section for every field. Every row is checked before anything is"
                    + " written: if any row is bad, nothing is imported and the answer lists the bad rows with their line"
                    + " numbers and reasons (422). The import runs while the request is open; GET /api/imports shows its"
                    + " progress meanwhile. Bodies may be as large as TRACKER_IMPORT_MAX_SIZE (10 GB by default).")
    @RequestBody(content = {
        @Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING, maxLength = Integer.MAX_VALUE)),
        @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING, maxLength = Integer.MAX_VALUE)),
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Integer.MAX_VALUE))})
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun, checked): the counts per table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportProgress.class)))
    @APIResponse(responseCode = "422", description = "Bad rows: nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class)))
    public Response importRecords(
            @Parameter(description = "For CSV without a type column: outlets, parties, articles, claims or responses")
            @QueryParam("type") String type,
            @Parameter(description = "Check every row and report, but write nothing")
            @QueryParam("dryRun") @DefaultValue("false") String dryRun,
            @jakarta.ws.rs.core.Context HttpHeaders headers,
            InputStream body) {
        MediaType mediaType = headers.getMediaType();
        ImportFormat format = ImportFormat.detect(mediaType == null ? null : mediaType.getSubtype());
        if (type != null && RowType.byName(type) == null) {
            throw ApiProblem.badRequest("type", "must be one of outlets, parties, articles, claims, responses");
        }
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            throw ApiProblem.badRequest("dryRun", "must be true or false");
        }
        long length = headers.getLength();
        ImportSource source = new ImportSource("body", () -> body, length);
        ImportService.Outcome outcome = imports.run(List.of(source), format, type, Boolean.parseBoolean(dryRun),
                Actors.current(), null);
        if (outcome.refused()) {
            RowError first = outcome.errors().get(0);
            ImportProgress p = outcome.progress();
            ImportProblem problem = new ImportProblem(ProblemTypes.forStatus(422), "Import refused", 422, p.detail(),
                    first.field(), p.id(), p.badRows(), outcome.errors());
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.ok(outcome.progress()).build();
    }

    @GET
    @Path("imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listImports", summary = "Recent imports, newest first, with their progress",
            description = "The last 50 imports, running ones included, whichever instance of the tracker runs or ran"
                    + " them (instances serving one database share the list). A running import whose instance stopped"
                    + " answering for 30 s is shown as failed.")
    public List<ImportProgress> list() {
        return imports.recent();
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getImport", summary = "One import and its progress")
    @APIResponse(responseCode = "200", description = "The import",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportProgress.class)))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportProgress one(@Parameter(description = "The import's id") @PathParam("id") String id) {
        ImportProgress found = imports.find(id);
        if (found == null) {
            throw new ApiProblem(404, "Not found", null, "No import with id " + id + " among the recent ones", null);
        }
        return found;
    }
}
