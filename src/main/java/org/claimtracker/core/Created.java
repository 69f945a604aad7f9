package org.claimtracker.core;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.time.OffsetDateTime;

/**
 * A row edited only through the record it belongs to (a claim's source, a party's alias): it keeps
 * who made it and when, and takes no version of its own. Its id comes from {@link Identified}.
 */
@MappedSuperclass
public abstract class Created extends Identified {

    @Column(updatable = false)
    private OffsetDateTime createdAt;

    @Column(updatable = false)
    private String createdBy;

    @PrePersist
    void stampCreation() {
        createdAt = OffsetDateTime.now();
        createdBy = Actors.current();
    }
}
