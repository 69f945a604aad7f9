package org.claimtracker.article;

/**
 * A quote as a one-statement insert (claim/ClaimInsert, response/ResponseInsert) has PostgreSQL place it in
 * its article: normalised as quotes are stored ({@link ArticleText#normalise}), its length in code points
 * (the unit of the offsets) and the start asked for, -1 when the quote is to be found, exactly once.
 */
public record SoughtQuote(long articleId, String quote, int length, int start) {

    /**
     * The quote to seek, or null where only the entity path can say what is wrong with it: a NUL character,
     * or an end that does not follow from the start and the quote's length.
     */
    public static SoughtQuote of(QuoteRequest source) {
        String quote = ArticleText.normalise(source.quote());
        int length = quote.codePointCount(0, quote.length());
        if (quote.indexOf('\0') >= 0
                || source.end() != null && (source.start() == null || source.end() - source.start() != length)) {
            return null;
        }
        return new SoughtQuote(source.articleId(), quote, length, source.start() == null ? -1 : source.start());
    }
}
