package org.claimtracker.article;

import org.claimtracker.outlet.Outlet;
import org.claimtracker.core.Versioned;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleView")
public record ArticleDetail(long id, Ref outlet, String title, List<String> authors, LocalDate publishedOn, @Nullable String url,
        String language, String text, String contentHash, @Nullable Ref republishedFrom, @Nullable String notes, long version,
        AuditInfo audit) implements Versioned {
    public static ArticleDetail of(Article a) {
        return new ArticleDetail(a.id, Outlet.ref(a.outlet), a.title, List.of(a.authors), a.publishedOn, a.url,
                a.language, a.body, a.getContentHash(), Outlet.ref(a.republishedFrom), a.notes, a.getVersion(),
                a.audit());
    }
}
