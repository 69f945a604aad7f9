package org.claimtracker.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jetbrains.annotations.Nullable;

/** What a client may set on an article. The content hash is computed, never sent. */
public record ArticleRequest(
        @NotNull @Positive Long outletId,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 50) @Nullable List<@NotBlank @Size(max = 200) String> authors,
        @NotNull LocalDate publishedOn,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL") @Nullable String url,
        @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a language tag such as en or pt-BR")
        @Size(max = 12) @Nullable String language,
        @NotBlank @Size(max = 1_000_000) String text,
        @Positive @Nullable Long republishedFromOutletId,
        @Size(max = 4000) @Nullable String notes) {

    /** The request that would record the article as it stands (the base a merge patch applies to). */
    public static ArticleRequest of(Article article) {
        return new ArticleRequest(article.outlet.id, article.title, List.of(article.authors),
                article.publishedOn, article.url, article.language, article.body,
                article.republishedFrom == null ? null : article.republishedFrom.id, article.notes);
    }
}
