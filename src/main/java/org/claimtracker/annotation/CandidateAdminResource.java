package org.claimtracker.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.Files;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.web.Redirects;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jetbrains.annotations.Nullable;

/**
 * The admin pages' side of quote candidates: uploading an annotation tool's export (the same import
 * as {@code POST /api/annotations/import}, with the session instead of a token; the request body
 * limit of 8 MB holds), and the reader's button that dismisses a candidate.
 */
@Path("/admin/annotation-candidates")
@RolesAllowed(AccountRole.ANALYST)
@Produces(MediaType.TEXT_HTML)
public class CandidateAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(@Nullable String error, @Nullable ImportResult result);
    }

    @Inject
    CandidateService candidates;

    @Inject
    ObjectMapper json;

    @GET
    @Path("import")
    public TemplateInstance form() {
        return Templates.upload(null, null);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @Context UriInfo uri) {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(422).entity(Templates.upload("Choose the file your annotation tool exported", null)).build();
        }
        JsonNode document;
        try {
            document = json.readTree(Files.readAllBytes(file.uploadedFile()));
        } catch (JsonProcessingException e) {
            return Response.status(422).entity(Templates.upload("The file is not JSON (or JSON-LD): "
                    + e.getOriginalMessage(), null)).build();
        } catch (IOException e) {
            throw new IllegalStateException("the uploaded file could not be read", e);
        }
        try {
            ImportResult result = candidates.importDocument(document, uri.getBaseUri().toString());
            return Response.ok(Templates.upload(null, result)).build();
        } catch (CandidateService.NothingResolved refused) {
            return Response.status(422).entity(Templates.upload("No annotation resolves in a stored article, so nothing was"
                    + " imported", refused.result())).build();
        } catch (ApiProblem problem) {
            return Response.status(422).entity(Templates.upload(problem.getMessage(), null)).build();
        }
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") long id) {
        long article = candidates.dismiss(id);
        return Redirects.to("/admin/articles/" + article, "deleted");
    }
}
