package org.claimtracker.party;

import org.claimtracker.core.Ref;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.core.Audited;

@Entity
public class Party extends Audited {

    public String name;

    @Enumerated(EnumType.STRING)
    public PartyKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    public Party parent;

    public String description;

    @OneToMany(mappedBy = "party", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("alias")
    public List<PartyAlias> aliases = new ArrayList<>();

    /** A reference to the party (null for none), by its name. */
    public static Ref ref(Party party) {
        return party == null ? null : new Ref(party.id, party.name);
    }
}
