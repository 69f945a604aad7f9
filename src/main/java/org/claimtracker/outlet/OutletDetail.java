package org.claimtracker.outlet;

import org.claimtracker.core.Versioned;
import org.claimtracker.core.AuditInfo;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutletView")
public record OutletDetail(long id, String name, @Nullable String domain, @Nullable String country, OutletKind kind, @Nullable String notes,
        long articleCount, long version, AuditInfo audit) implements Versioned {
    public static OutletDetail of(Outlet o, long articleCount) {
        return new OutletDetail(o.id, o.name, o.domain, o.country, o.kind, o.notes, articleCount, o.getVersion(),
                o.audit());
    }
}
