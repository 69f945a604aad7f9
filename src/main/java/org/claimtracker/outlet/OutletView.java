package org.claimtracker.outlet;

import org.claimtracker.common.Versioned;
import org.claimtracker.common.AuditInfo;

public record OutletView(long id, String name, String domain, String country, OutletKind kind, String notes,
        long articleCount, long version, AuditInfo audit) implements Versioned {
}
