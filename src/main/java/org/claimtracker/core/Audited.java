package org.claimtracker.core;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * An editable row: its id ({@link Identified}), an optimistic-lock version, and who created and who
 * last changed it, and when.
 * The actor is whoever {@link Actors} says is acting on the current thread. These fields stay private:
 * only Hibernate and the stamps below write them, and {@link #audit()} reads them.
 *
 * <p>The records themselves ({@code Outlet}, {@code Claim}, ...) keep their columns in public fields
 * without getters and setters: Quarkus' Hibernate ORM generates the accessors at build time and turns
 * every {@code claim.claimant} written elsewhere into a call of them, so a lazy reference still loads
 * when read. An accessor written by hand (as {@code Article.setBody}) is used instead of the generated one.
 */
@MappedSuperclass
public abstract class Audited extends Identified {

    @Version
    private long version;

    @Column(updatable = false)
    private OffsetDateTime createdAt;

    @Column(updatable = false)
    private String createdBy;

    private OffsetDateTime updatedAt;

    private String updatedBy;

    @PrePersist
    void stampCreation() {
        OffsetDateTime now = OffsetDateTime.now();
        String actor = Actors.current();
        createdAt = now;
        createdBy = actor;
        updatedAt = now;
        updatedBy = actor;
    }

    @PreUpdate
    void stampChange() {
        updatedAt = OffsetDateTime.now();
        updatedBy = Actors.current();
    }

    public long getVersion() {
        return version;
    }

    /**
     * Refuses a change made against another version than the stored one (a stale edit). The REST
     * API always sends the version (If-Match); admin forms send it in a hidden field.
     */
    public void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw ApiProblem.stale(version, expected);
        }
    }

    /**
     * Marks the record changed, so that saving it always takes a new version, even when only its
     * parts (a claim's sources, a party's aliases) changed.
     */
    public void touch() {
        updatedAt = OffsetDateTime.now();
        updatedBy = Actors.current();
    }

    public AuditInfo audit() {
        return new AuditInfo(createdAt, createdBy, updatedAt, updatedBy);
    }
}
