package org.claimtracker.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/**
 * The annotations matching a request's filters (Web Annotation Protocol, AnnotationCollection):
 * how many, and its first and last pages. Answered whole for {@code GET /api/annotations} without
 * {@code page}, with the first page embedded; inside a page it names the collection with the
 * first and last pages' IRIs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@context", "id", "type", "label", "total", "first", "last"})
@Schema(name = "WebAnnotationCollection", requiredProperties = {"id", "type", "label", "total", "first", "last"},
        description = "The annotations matching the filters (Web Annotation Protocol): first is the first page, embedded"
                + " when the collection is the answer, else its IRI; @context only when the collection is the answer")
public record AnnotationCollection(
        @JsonProperty("@context") @Nullable @Schema(enumeration = {AnnotationVocabulary.CONTEXT}) String context,
        @Schema(format = "uri") String id,
        @Schema(enumeration = {"AnnotationCollection"}) String type,
        @Schema(maxLength = 200) String label,
        @Schema(minimum = "0", maximum = "1000000000") long total,
        @Schema(description = "The first page: embedded (with its items) in the answer to GET /api/annotations, its IRI"
                + " inside a page", oneOf = {AnnotationPage.class, String.class}) Object first,
        @Schema(format = "uri") String last) {
}
