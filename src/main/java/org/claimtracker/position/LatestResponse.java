package org.claimtracker.position;

import java.time.LocalDate;
import org.claimtracker.article.ArticleRef;
import org.claimtracker.response.Stance;

/** A party's latest response on a claim, with the article and the words it was read in. */
public record LatestResponse(long id, Stance stance, LocalDate statedOn, ArticleRef article, String quote) {
}
