package org.claimtracker.search;

import java.time.LocalDate;
import org.jetbrains.annotations.Nullable;

/**
 * One record found. {@code snippet} is HTML: the record's text escaped, with the words that
 * matched wrapped in {@code <mark>} and {@code </mark>} and no other markup, a few dozen words
 * around them (fragments joined by " … "). {@code title} is plain text. What the hit links to:
 * {@code claimId} (claims, quotes, responses), {@code articleId} with {@code quoteStart} and
 * {@code quoteEnd} (the quote's place in the article's text, in code points), {@code partyId}
 * (parties; for claims and quotes the claimant, for responses the responding party),
 * {@code responseId} and {@code incidentId}; {@code path} is the record's address in the API.
 */
public record SearchHit(SearchKind kind, long id, String title, String snippet, double rank, @Nullable LocalDate date,
        String path, @Nullable Long claimId, @Nullable Long articleId, @Nullable Integer quoteStart,
        @Nullable Integer quoteEnd, @Nullable Long responseId, @Nullable Long partyId, @Nullable Long incidentId) {
}
