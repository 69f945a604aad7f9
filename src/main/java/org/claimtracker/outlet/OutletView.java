package org.claimtracker.outlet;

import org.claimtracker.common.Versioned;
import org.claimtracker.common.AuditInfo;
import org.jetbrains.annotations.Nullable;

public record OutletView(long id, String name, @Nullable String domain, @Nullable String country, OutletKind kind, @Nullable String notes,
        long articleCount, long version, AuditInfo audit) implements Versioned {
}
