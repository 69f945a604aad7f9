package org.claimtracker.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jetbrains.annotations.Nullable;

/**
 * What a test of recorded quotes starts from: a stored article (with the address it was published
 * at, when it has one), a claimant and the party it accuses. A test class extends it and sets it up
 * afresh in its {@code @BeforeEach}, so that no test depends on another's rows.
 */
public abstract class QuotedArticle {

    protected long article;
    protected @Nullable String url;
    protected long claimant;
    protected long accused;

    /** An article published at an address of its own under {@code site}, its text made unique, and two states. */
    protected void publishedAt(String site, String text, LocalDate day, String claimantName, String accusedName) {
        url = site + UUID.randomUUID();
        Map<String, Object> body = Fixtures.articleBody(Fixtures.outlet(), text + " [" + UUID.randomUUID() + "]", day);
        body.put("url", url);
        article = Fixtures.created("/api/articles", body);
        claimant = Fixtures.state(claimantName);
        accused = Fixtures.state(accusedName);
    }

    /** An article without an address (its text made unique), and the two parties given. */
    protected void withoutAddress(String text, LocalDate day, long claimantId, long accusedId) {
        url = null;
        article = Fixtures.article(text, day);
        claimant = claimantId;
        accused = accusedId;
    }
}
