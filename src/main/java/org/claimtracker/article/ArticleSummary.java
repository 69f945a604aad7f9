package org.claimtracker.article;

import java.time.LocalDate;
import java.util.List;
import org.claimtracker.common.Ref;

/** An article in a list: everything but its text. */
public record ArticleSummary(long id, Ref outlet, String title, List<String> authors, LocalDate publishedOn,
        String url, String language, Ref republishedFrom, int textLength) {
}
