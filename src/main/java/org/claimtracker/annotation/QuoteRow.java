package org.claimtracker.annotation;

import org.jetbrains.annotations.Nullable;

/**
 * A recorded quote as the annotations read it: which record holds it ({@code claim-source} or
 * {@code response} and its id), the article's id and URL, the quote with its offsets and up to 32
 * characters either side, who recorded it and when, and what it records.
 */
public record QuoteRow(String kind, long id, long articleId, @Nullable String articleUrl, String quote, int start, int end,
        String prefix, String suffix, String created, String createdBy, long claimId, String proposition,
        String claimKind, @Nullable Long responseId, String stance, @Nullable String partyName) {

    /** The annotation's stable name: claim-source-{id} or response-{id}. */
    public String name() {
        return kind + "-" + id;
    }
}
