package org.claimtracker.article;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;
import org.claimtracker.core.Audited;
import org.claimtracker.outlet.Outlet;

@Entity
public class Article extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "outlet_id", nullable = false)
    private Outlet outlet;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(nullable = false, columnDefinition = "varchar(200)[]")
    private String[] authors = new String[0];

    @Column(name = "published_on", nullable = false)
    private LocalDate publishedOn;

    @Column(length = 2000)
    private String url;

    @Column(nullable = false, length = 12)
    private String language;

    // Loaded on first use (the entity is bytecode-enhanced by Quarkus): quotes, responses and lists
    // cite articles by title and outlet, and a text runs to tens of kilobytes.
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "text")
    private String body;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "republished_from_outlet_id")
    private Outlet republishedFrom;

    @Column(columnDefinition = "text")
    private String notes;

    public Long getId() {
        return id;
    }

    public Outlet getOutlet() {
        return outlet;
    }

    public void setOutlet(Outlet outlet) {
        this.outlet = outlet;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String[] getAuthors() {
        return authors;
    }

    public void setAuthors(String[] authors) {
        this.authors = authors;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public void setPublishedOn(LocalDate publishedOn) {
        this.publishedOn = publishedOn;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getBody() {
        return body;
    }

    /** Sets the text and its content hash together, so that they never disagree. */
    public void setBody(String body) {
        this.body = body;
        this.contentHash = ArticleText.contentHash(body);
    }

    public String getContentHash() {
        return contentHash;
    }

    public Outlet getRepublishedFrom() {
        return republishedFrom;
    }

    public void setRepublishedFrom(Outlet republishedFrom) {
        this.republishedFrom = republishedFrom;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
