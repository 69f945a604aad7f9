package org.claimtracker.article;

import org.claimtracker.common.Versioned;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.common.AuditInfo;
import org.claimtracker.common.Ref;
import org.jetbrains.annotations.Nullable;

public record ArticleView(long id, Ref outlet, String title, List<String> authors, LocalDate publishedOn, @Nullable String url,
        String language, String text, String contentHash, @Nullable Ref republishedFrom, @Nullable String notes, long version,
        AuditInfo audit) implements Versioned {
}
