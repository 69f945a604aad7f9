package org.claimtracker.article;

import java.time.LocalDate;
import java.util.List;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** An article in a list: everything but its text. */
public record ArticleSummary(long id, Ref outlet, String title, List<String> authors, LocalDate publishedOn,
        @Nullable String url, String language, @Nullable Ref republishedFrom, int textLength) {
}
