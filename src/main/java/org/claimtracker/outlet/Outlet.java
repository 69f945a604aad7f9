package org.claimtracker.outlet;

import org.claimtracker.core.Ref;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import org.claimtracker.core.Audited;

@Entity
public class Outlet extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outlet_seq")
    @SequenceGenerator(name = "outlet_seq", sequenceName = "outlet_seq", allocationSize = 50)
    public Long id;

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
