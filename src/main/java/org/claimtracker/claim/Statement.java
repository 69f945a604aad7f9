package org.claimtracker.claim;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import org.claimtracker.core.Audited;
import org.claimtracker.party.Party;

/**
 * What a claim and a response have alike as things a party said: the ref the recorders give it (optional,
 * unique among its kind), the person who spoke for the party (optional) and the day it was stated. Each
 * is mapped into the table of the record that extends this ({@code claim}, {@code response}).
 */
@MappedSuperclass
public abstract class Statement extends Audited {

    @Column(length = 120)
    public String ref;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "speaker_id")
    public Party speaker;

    @Column(name = "stated_on", nullable = false)
    public LocalDate statedOn;
}
