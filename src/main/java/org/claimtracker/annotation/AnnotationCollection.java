package org.claimtracker.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/**
 * The annotations matching a request's filters (Web Annotation Protocol, AnnotationCollection):
 * how many, and its first and last pages. Answered whole for {@code GET /api/annotations} without
 * {@code page}, {@code after} or {@code before}, with the first page embedded; inside a page it only
 * names the collection (id, type, label), so that a page is read without counting the collection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@context", "id", "type", "label", "total", "first", "last"})
@Schema(name = "WebAnnotationCollection", requiredProperties = {"id", "type", "label"},
        description = "The annotations matching the filters (Web Annotation Protocol). When the collection is the answer:"
                + " @context, total, first (the first page, embedded) and last (the last page's IRI); as a page's partOf"
                + " only id, type and label, so that a page is served without counting the collection")
public record AnnotationCollection(
        @JsonProperty("@context") @Nullable @Schema(enumeration = {AnnotationVocabulary.CONTEXT}) String context,
        @Schema(format = "uri") String id,
        @Schema(enumeration = {"AnnotationCollection"}) String type,
        @Schema(maxLength = 200) String label,
        @Nullable @Schema(minimum = "0", maximum = "1000000000") Long total,
        @Nullable @Schema(description = "The first page, embedded with its items", implementation = AnnotationPage.class)
        AnnotationPage first,
        @Nullable @Schema(format = "uri") String last) {
}
