package org.claimtracker.export;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.claimtracker.claim.Grading;
import org.claimtracker.core.TrackerConfig;
import org.claimtracker.report.ReportService;

/**
 * Graded claims as schema.org ClaimReview in JSON-LD: one definition (the query and
 * {@link #review}) for the claim's admin page, which embeds its review in a JSON data block, and for
 * the JSON Lines export of every graded claim.
 *
 * <p>What a review holds follows Google's ClaimReview structured-data documentation: the required
 * claimReviewed, reviewRating (with alternateName, the word shown, and ratingValue between
 * worstRating and bestRating) and url (the page of the review: the claim's admin page under
 * TRACKER_PUBLIC_URL), and the recommended author of the review (an Organization with a name),
 * datePublished and itemReviewed: a Claim with its author (the claimant, a Person or an
 * Organization), datePublished (when it was stated) and appearance (its source articles, each with
 * url, headline, datePublished and publisher). The grading note, when there is one, is the reviewBody.
 *
 * <p>Every text is written with {@code <}, {@code >} and {@code &} escaped as JSON's <code>&#92;u003c</code>,
 * <code>&#92;u003e</code> and <code>&#92;u0026</code> (and U+2028/U+2029 likewise), which JSON readers take as the same
 * characters: a proposition holding {@code </script>} or {@code <!--} cannot end or bend the page's
 * data block, and a line of the export can be embedded the same way.
 */
@ApplicationScoped
public class ClaimReviewService {

    public static final String CONTEXT = "https://schema.org";

    /** Rows fetched per round trip while exporting. */
    static final int FETCH_SIZE = 500;

    private static final String GRADED = """
            select c.id, c.proposition, c.grading, c.grading_note, c.stated_on,
                   (c.updated_at at time zone 'UTC')::date as reviewed_on,
                   p.name as claimant_name, p.kind as claimant_kind,
                   (select json_agg(json_build_object('url', a.url, 'headline', a.title,
                                                      'datePublished', a.published_on, 'publisher', o.name)
                                    order by a.published_on, a.id)
                      from article a
                      join outlet o on o.id = a.outlet_id
                     where a.id in (select s.article_id from claim_source s where s.claim_id = c.id))::text as appearances
              from claim c
              join party p on p.id = c.claimant_id
             where c.grading <> 'unassessed'
            """;

    private static final String ONE = GRADED + " and c.id = ?";
    private static final String ALL = GRADED + " order by c.id";

    @Inject
    DataSource dataSource;

    @Inject
    ReportService reports;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TrackerConfig config;

    private volatile ObjectWriter writer;

    /** The claim's review as the text of a JSON-LD data block; null when the claim is not graded (or not found). */
    public String script(long claimId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setLong(1, claimId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? writer().writeValueAsString(review(row)) : null;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read the review of claim " + claimId, e);
        }
    }

    /**
     * Every graded claim's review, one JSON object a line (JSON Lines), in claim id order, written to a
     * temporary file through a cursor of the export pool (ReportService.spool); the caller sends it.
     */
    public Path spool() throws IOException {
        return reports.spool("The ClaimReview export", "", "jsonl", (connection, out, deadline) -> {
            try (PreparedStatement statement = connection.prepareStatement(ALL)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ReportService.checkDeadline(deadline);
                        writeLine(rows, out);
                    }
                }
            }
        });
    }

    private void writeLine(ResultSet row, OutputStream out) throws SQLException, IOException {
        out.write(writer().writeValueAsBytes(review(row)));
        out.write('\n');
    }

    /** The ClaimReview of the current row of {@link #GRADED}. */
    ObjectNode review(ResultSet row) throws SQLException, IOException {
        String base = config.claimReview().publicUrl();
        ReviewRating rating = ReviewRating.of(Grading.valueOf(row.getString("grading")));
        ObjectNode review = objectMapper.createObjectNode();
        review.put("@context", CONTEXT);
        review.put("@type", "ClaimReview");
        review.put("url", base + "/admin/claims/" + row.getLong("id"));
        review.put("claimReviewed", row.getString("proposition"));
        review.put("datePublished", row.getObject("reviewed_on").toString());
        ObjectNode author = review.putObject("author");
        author.put("@type", "Organization");
        author.put("name", config.claimReview().author());
        author.put("url", base);
        ObjectNode rated = review.putObject("reviewRating");
        rated.put("@type", "Rating");
        rated.put("ratingValue", rating.value());
        rated.put("bestRating", ReviewRating.BEST);
        rated.put("worstRating", ReviewRating.WORST);
        rated.put("alternateName", rating.name());
        String note = row.getString("grading_note");
        if (note != null) {
            review.put("reviewBody", note);
        }
        ObjectNode claim = review.putObject("itemReviewed");
        claim.put("@type", "Claim");
        ObjectNode claimant = claim.putObject("author");
        claimant.put("@type", "person".equals(row.getString("claimant_kind")) ? "Person" : "Organization");
        claimant.put("name", row.getString("claimant_name"));
        claim.put("datePublished", row.getObject("stated_on").toString());
        ArrayNode appearances = claim.putArray("appearance");
        String sources = row.getString("appearances");
        for (JsonNode source : sources == null ? objectMapper.createArrayNode() : objectMapper.readTree(sources)) {
            ObjectNode article = appearances.addObject();
            article.put("@type", "Article");
            if (!source.path("url").isNull()) {
                article.put("url", source.path("url").asText());
            }
            article.put("headline", source.path("headline").asText());
            article.put("datePublished", source.path("datePublished").asText());
            ObjectNode publisher = article.putObject("publisher");
            publisher.put("@type", "Organization");
            publisher.put("name", source.path("publisher").asText());
        }
        return review;
    }

    private ObjectWriter writer() {
        if (writer == null) {
            writer = objectMapper.writer().with(new ScriptSafe());
        }
        return writer;
    }

    /** JSON's standard escapes, and {@code < > &} and the two Unicode line separators as <code>&#92;uXXXX</code>. */
    static final class ScriptSafe extends CharacterEscapes {

        private final int[] ascii;

        ScriptSafe() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> new SerializedString("\\u003c");
                case '>' -> new SerializedString("\\u003e");
                case '&' -> new SerializedString("\\u0026");
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}
