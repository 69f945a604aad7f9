package org.claimtracker.outlet;

import org.claimtracker.core.Ref;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.claimtracker.core.Audited;

@Entity
public class Outlet extends Audited {

    public String name;

    public String domain;

    public String country;

    @Enumerated(EnumType.STRING)
    public OutletKind kind;

    public String notes;

    /** A reference to the outlet (null for none), by its name. */
    public static Ref ref(Outlet outlet) {
        return outlet == null ? null : new Ref(outlet.id, outlet.name);
    }
}
