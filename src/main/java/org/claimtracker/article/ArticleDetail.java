package org.claimtracker.article;

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
}
