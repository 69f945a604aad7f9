package org.claimtracker.core;

import java.time.OffsetDateTime;

/** Who created and who last changed a record, and when. */
public record AuditInfo(OffsetDateTime createdAt, String createdBy,
        OffsetDateTime updatedAt, String updatedBy) {
}
