package org.claimtracker.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.account.AccountRole;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Params;
import org.claimtracker.core.Problem;
import org.claimtracker.core.TrackerConfig;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every recorded quote as a W3C Web Annotation, read only, in the Web Annotation Protocol's
 * container shape: the collection (with its first page) at {@code /api/annotations}, its pages with
 * {@code page}, one annotation at {@code /api/annotations/claim-source-{id}} or
 * {@code response-{id}}. Answered as {@code application/ld+json} with the annotation profile, or as
 * {@code application/json} when that is what the client accepts.
 */
@RolesAllowed(AccountRole.VIEWER)
@Path("/api/annotations")
@Tag(name = "Annotations", description = "Recorded quotes as W3C Web Annotations (JSON-LD), and annotations imported from"
        + " annotation tools as quote candidates")
public class AnnotationResource {

    static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.valueOf(AnnotationVocabulary.MEDIA_TYPE),
            MediaType.APPLICATION_JSON_TYPE).build();

    @Inject
    AnnotationService annotations;

    @Inject
    CandidateService candidates;

    @Inject
    ObjectMapper json;

    @Inject
    TrackerConfig config;

    /** Every IRI the answers mint starts with TRACKER_PUBLIC_URL, never with the host a request named. */
    private Annotations writer() {
        return new Annotations(config.claimReview().publicUrl());
    }

    @GET
    @Produces({AnnotationVocabulary.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "listAnnotations", summary = "Recorded quotes as Web Annotations, paged",
            description = "Every claim's source and every response's quote as a W3C Web Annotation, in article order, then"
                    + " by offset. Without page, after or before: the AnnotationCollection (total, first page embedded,"
                    + " last page's IRI). With one of them: that AnnotationPage (partOf names the collection; prev and"
                    + " next link the pages either side). A page's next link names its last item (after=), so that a"
                    + " client following next reads each page from the index, whatever its depth; page= reaches a page by"
                    + " number (and reads the index up to it). Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "The collection, or one of its pages", headers = {
        @Header(name = "Link", description = "The container's type and constraints (Web Annotation Protocol):"
                + " ldp:BasicContainer, constrained by the protocol", schema = @Schema(type = SchemaType.STRING, maxLength = 500)),
        @Header(name = "Vary", description = "Accept: the media type follows the Accept header",
                schema = @Schema(type = SchemaType.STRING, maxLength = 100))}, content = {
        @Content(mediaType = AnnotationVocabulary.MEDIA_TYPE, schema = @Schema(oneOf = {AnnotationCollection.class,
                AnnotationPage.class})),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {AnnotationCollection.class,
                AnnotationPage.class}))})
    public Response list(
            @Parameter(description = "Only quotes from this article") @QueryParam("articleId") String articleId,
            @Parameter(description = "Only the quotes of this claim: its sources and its responses' quotes")
            @QueryParam("claimId") String claimId,
            @Parameter(description = "Only the quotes of this party's words: the sources of the claims it made (as"
                    + " claimant or speaker) and its responses (as respondent or speaker)") @QueryParam("partyId") String partyId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "The page after this item: {articleId}.{start}.{end}.{annotation name}, as the pages'"
                    + " next links carry it", schema = @Schema(type = SchemaType.STRING, maxLength = 80,
                            pattern = CURSOR)) @QueryParam("after") String after,
            @Parameter(description = "The page before this item, written as for after", schema = @Schema(
                    type = SchemaType.STRING, maxLength = 80, pattern = CURSOR)) @QueryParam("before") String before,
            @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("size") String size,
            @Context Request request) {
        AnnotationService.Filter filter = new AnnotationService.Filter(Params.optionalId("articleId", articleId),
                Params.optionalId("claimId", claimId), Params.optionalId("partyId", partyId));
        PageParams params = PageParams.of(page, size);
        AnnotationService.Cursor from = AnnotationService.Cursor.parse("after", after);
        AnnotationService.Cursor to = AnnotationService.Cursor.parse("before", before);
        if ((page != null ? 1 : 0) + (from != null ? 1 : 0) + (to != null ? 1 : 0) > 1) {
            throw ApiProblem.badRequest(page != null ? "page" : "after", "Give one of page, after and before: each names a"
                    + " page on its own");
        }
        Map<String, Long> filters = new LinkedHashMap<>();
        filters.put("articleId", filter.articleId());
        filters.put("claimId", filter.claimId());
        filters.put("partyId", filter.partyId());
        Annotations writer = writer();
        if (page == null && from == null && to == null) {
            long total = annotations.count(filter);
            AnnotationService.Rows first = annotations.list(filter, AnnotationService.Slice.first(params.size()));
            return answer(request, writer.collection(filters, total, first, params.size()), CONTAINER_LINKS);
        }
        AnnotationService.Slice slice = new AnnotationService.Slice(page == null ? 0 : params.offset(), params.size(), from, to);
        return answer(request, writer.page(filters, slice, annotations.list(filter, slice), page == null ? null : params.page()),
                CONTAINER_LINKS);
    }

    private static final String CURSOR = "^[0-9]{1,18}\\.[0-9]{1,9}\\.[0-9]{1,9}\\.(claim-source|response)-[0-9]{1,18}$";

    @GET
    @Path("{id}")
    @Produces({AnnotationVocabulary.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getAnnotation", summary = "One recorded quote as a Web Annotation")
    @APIResponse(responseCode = "200", description = "The annotation", headers = {
        @Header(name = "Link", description = "The annotation's type (Web Annotation Protocol): ldp:Resource",
                schema = @Schema(type = SchemaType.STRING, maxLength = 500)),
        @Header(name = "Vary", description = "Accept: the media type follows the Accept header",
                schema = @Schema(type = SchemaType.STRING, maxLength = 100))}, content = {
        @Content(mediaType = AnnotationVocabulary.MEDIA_TYPE, schema = @Schema(implementation = WebAnnotation.class)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebAnnotation.class))})
    public Response get(
            @Parameter(description = "claim-source-{id} (a claim's source) or response-{id} (a response's quote)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 40,
                            pattern = "^(claim-source|response)-[0-9]{1,18}$"))
            @PathParam("id") String id, @Context Request request) {
        QuoteRow row = annotations.find(id);
        if (row == null) {
            throw new ApiProblem(404, "Not found", null, "No annotation " + (id.length() > 40 ? id.substring(0, 40) + "..." : id)
                    + ": annotations are named claim-source-{id} or response-{id}", null);
        }
        return answer(request, writer().of(row, true), RESOURCE_LINKS);
    }

    /** What the Web Annotation Protocol has a container say of itself, and an annotation. */
    private static final String CONTAINER_LINKS = "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\","
            + " <http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";
    private static final String RESOURCE_LINKS = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";

    /** The JSON-LD as the annotation profile's media type, or as plain JSON for a client that asks for only that. */
    private Response answer(Request request, Object body, String links) {
        Variant chosen = request.selectVariant(VARIANTS);
        MediaType type = chosen == null ? VARIANTS.get(0).getMediaType() : chosen.getMediaType();
        try {
            return Response.ok(json.writeValueAsString(body)).type(type).header("Link", links).header("Vary", "Accept").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an annotation could not be written as JSON", e);
        }
    }

    @POST
    @Path("import")
    @RolesAllowed(AccountRole.ANALYST)
    @Consumes({AnnotationVocabulary.JSON_LD, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importAnnotations", summary = "Import annotations as quote candidates",
            description = "The body is what an annotation tool exports: one W3C Web Annotation, a list of them, an"
                    + " AnnotationPage or AnnotationCollection with its items, or a Hypothesis-style export (a list of"
                    + " rows, or an object with rows). Each annotation's target source must be a stored article's URL (or"
                    + " the tracker's own article IRI, /admin/articles/{id}); its TextPositionSelector is checked against the"
                    + " text and, when it holds other words or is missing, the TextQuoteSelector's exact words are looked for"
                    + " (prefix and suffix choosing among several places). Each annotation that resolves becomes a quote"
                    + " candidate listed in the article's reader, from which an analyst records a claim; the answer lists"
                    + " every annotation, resolved or not and why. When none resolves, nothing is stored (422). At most 10,000"
                    + " annotations and 8 MB.")
    @RequestBody(required = true, content = {
        @Content(mediaType = AnnotationVocabulary.JSON_LD, schema = @Schema(type = SchemaType.OBJECT,
                description = "A Web Annotation document (JSON-LD), or a list of annotations")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                description = "A Web Annotation document (JSON-LD), or a list of annotations"))})
    @APIResponse(responseCode = "200", description = "Every annotation with its outcome; the resolved ones are stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "422", description = "No annotation resolves in a stored article: nothing was stored; errors"
            + " lists every annotation with its reason", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Response importAnnotations(@Context UriInfo uri, String body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("body", "The body is not JSON (or JSON-LD): " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()));
        }
        if (document == null || document.isMissingNode()) {
            throw ApiProblem.badRequest("body", "The body is empty: send a Web Annotation document");
        }
        try {
            return Response.ok(candidates.importDocument(document, uri.getBaseUri().toString())).build();
        } catch (CandidateService.NothingResolved refused) {
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(refused.problem()).build();
        }
    }
}
