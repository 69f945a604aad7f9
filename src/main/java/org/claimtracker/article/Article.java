package org.claimtracker.article;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.claimtracker.core.Audited;
import org.claimtracker.outlet.Outlet;

@Entity
public class Article extends Audited {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "outlet_id", nullable = false)
    public Outlet outlet;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(nullable = false, columnDefinition = "varchar(200)[]")
    public String[] authors = new String[0];

    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    @Column(length = 2000)
    public String url;

    @Column(nullable = false, length = 12)
    public String language;

    // Loaded on first use (the entity is bytecode-enhanced by Quarkus): quotes, responses and lists
    // cite articles by title and outlet, and a text runs to tens of kilobytes.
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "republished_from_outlet_id")
    public Outlet republishedFrom;

    @Column(columnDefinition = "text")
    public String notes;

    /** Written with the text, by {@link #setBody}. */
    public String getContentHash() {
        return contentHash;
    }

    /** Sets the text and its content hash together, so that they never disagree. */
    public void setBody(String body) {
        this.body = body;
        this.contentHash = ArticleText.contentHash(body);
    }
}
