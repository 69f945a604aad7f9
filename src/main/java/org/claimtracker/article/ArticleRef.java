package org.claimtracker.article;

import org.claimtracker.outlet.Outlet;
import java.time.LocalDate;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;

/** Enough of an article to cite it beside a quote. */
public record ArticleRef(long id, String title, Ref outlet, LocalDate publishedOn, @Nullable String url) {
    public static ArticleRef of(Article a) {
        return new ArticleRef(a.id, a.title, Outlet.ref(a.outlet), a.publishedOn, a.url);
    }
}
