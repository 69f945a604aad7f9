package org.claimtracker.outlet;

import org.claimtracker.core.Ref;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.claimtracker.core.Audited;

@Entity
public class Outlet extends Audited {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 253)
    public String domain;

    @Column(length = 2)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public OutletKind kind;

    @Column(columnDefinition = "text")
    public String notes;

    /** A reference to the outlet (null for none), by its name. */
    public static Ref ref(Outlet outlet) {
        return outlet == null ? null : new Ref(outlet.id, outlet.name);
    }
}
