package org.claimtracker.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/**
 * One page of annotations (Web Annotation Protocol, AnnotationPage): its items, the collection it is
 * part of, and the pages before and after it (left out on the first and the last page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@context", "id", "type", "partOf", "startIndex", "prev", "next", "items"})
@Schema(name = "WebAnnotationPage", requiredProperties = {"id", "type", "items"},
        description = "A page of annotations (Web Annotation Protocol): @context only when the page is the answer"
                + " itself, not when it is embedded as its collection's first page; prev and next only where"
                + " there is such a page (next always by the page's last item, after=, so that following next reads"
                + " a page each); partOf only when the page is the answer; startIndex only on a page asked for by"
                + " number (page=)")
public record AnnotationPage(
        @JsonProperty("@context") @Nullable @Schema(enumeration = {AnnotationVocabulary.CONTEXT}) String context,
        @Schema(format = "uri") String id,
        @Schema(enumeration = {"AnnotationPage"}) String type,
        @Nullable AnnotationCollection partOf,
        @Nullable @Schema(description = "The position of the page's first item in the collection, from 0 (pages asked"
                + " for by number)", minimum = "0", maximum = "1000000000") Long startIndex,
        @Nullable @Schema(format = "uri") String prev,
        @Nullable @Schema(format = "uri") String next,
        @Schema(maxItems = 200) List<WebAnnotation> items) {
}
