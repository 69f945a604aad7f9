package org.claimtracker.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jetbrains.annotations.Nullable;

/**
 * One recorded quote (a claim's source or a response) as a W3C Web Annotation: the passage of the
 * article it stands in is the target (a {@code TextQuoteSelector} and a {@code TextPositionSelector}
 * on the article's URL), the claim or response it records is the body, the account that recorded
 * it the creator. Written with the Web Annotation context, so that a JSON-LD processor reads it as
 * the Web Annotation vocabulary ({@code oa:}) says.
 */
@JsonPropertyOrder({"@context", "id", "type", "motivation", "created", "creator", "body", "target"})
@Schema(name = "WebAnnotation", requiredProperties = {"id", "type", "motivation", "created", "creator", "body", "target"},
        description = "A recorded quote as a W3C Web Annotation (JSON-LD, the anno.jsonld"
        + " context): target = the article with a TextQuoteSelector and a TextPositionSelector (offsets in Unicode"
        + " code points from 0), body = the claim or response it records, creator = the account that recorded it")
public record WebAnnotation(
        // Left out (never null) inside a page: a null context would clear the page's for the annotation.
        @JsonProperty("@context") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(enumeration = {AnnotationVocabulary.CONTEXT}) @Nullable String context,
        @Schema(description = "The annotation's IRI: /api/annotations/claim-source-{id} or /api/annotations/response-{id}",
                format = "uri") String id,
        @Schema(enumeration = {"Annotation"}) String type,
        @Schema(enumeration = {"describing"}) String motivation,
        @Schema(description = "When the quote was recorded", format = "date-time") String created,
        Creator creator,
        @Schema(description = "What the passage records: the proposition (purpose describing), the stance"
                + " (purpose tagging) and the tracker's record (purpose identifying)", minItems = 3) List<Body> body,
        Target target) {

    /** The account (or command, or database login) that recorded the quote. */
    @JsonPropertyOrder({"type", "nickname"})
    @Schema(name = "WebAnnotationCreator")
    public record Creator(@Schema(enumeration = {"Person", "Software"}) String type,
            @Schema(description = "The account's username (cli:NAME for a command, db:ROLE for SQL)", maxLength = 100)
            String nickname) {
    }

    /** A body: the words of the claim or the stance (TextualBody), or the tracker's record (SpecificResource). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "purpose", "value", "format", "source"})
    @Schema(name = "WebAnnotationBody", requiredProperties = {"type", "purpose"},
            description = "A TextualBody (value, format) or a SpecificResource naming the tracker's record (source)")
    public record Body(@Schema(enumeration = {"TextualBody", "SpecificResource"}) String type,
            @Schema(enumeration = {"describing", "tagging", "identifying"}) String purpose,
            @Schema(description = "The proposition, or the stance (a claim's source: asserts)", maxLength = 5000)
            String value,
            @Schema(enumeration = {"text/plain"}) String format,
            @Schema(description = "The claim or response in the API", format = "uri") String source) {

        static Body describing(String text) {
            return new Body("TextualBody", "describing", text, "text/plain", null);
        }

        static Body tagging(String tag) {
            return new Body("TextualBody", "tagging", tag, "text/plain", null);
        }

        static Body identifying(String iri) {
            return new Body("SpecificResource", "identifying", null, null, iri);
        }
    }

    /** The passage: the article (its URL, else its page in the tracker) and two selectors of one stretch. */
    @JsonPropertyOrder({"type", "source", "selector"})
    @Schema(name = "WebAnnotationTarget")
    public record Target(@Schema(enumeration = {"SpecificResource"}) String type,
            @Schema(description = "The article's URL, or its page in the tracker when it has none", format = "uri")
            String source,
            @Schema(minItems = 2, maxItems = 2) List<Selector> selector) {
    }

    /**
     * Both selectors of a target: the words with up to 32 characters either side (clipped at the
     * text's ends), and where they stand; either alone finds the passage again.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "exact", "prefix", "suffix", "start", "end"})
    @Schema(name = "WebAnnotationSelector", requiredProperties = {"type"},
            description = "A TextQuoteSelector (exact, prefix, suffix) or a TextPositionSelector (start, end: Unicode code"
                    + " points from 0, end exclusive)")
    public record Selector(@Schema(enumeration = {"TextQuoteSelector", "TextPositionSelector"}) String type,
            @Schema(maxLength = 4000) String exact,
            @Schema(maxLength = 32) String prefix,
            @Schema(maxLength = 32) String suffix,
            @Schema(minimum = "0", maximum = "1000000") Integer start,
            @Schema(minimum = "0", maximum = "1000000") Integer end) {

        static Selector quote(String exact, String prefix, String suffix) {
            return new Selector("TextQuoteSelector", exact, prefix, suffix, null, null);
        }

        static Selector position(int start, int end) {
            return new Selector("TextPositionSelector", null, null, null, start, end);
        }
    }
}
