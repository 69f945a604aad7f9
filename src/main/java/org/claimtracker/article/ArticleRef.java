package org.claimtracker.article;

import java.time.LocalDate;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** Enough of an article to cite it beside a quote. */
public record ArticleRef(long id, String title, Ref outlet, LocalDate publishedOn, @Nullable String url) {
}
