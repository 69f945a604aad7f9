package org.claimtracker.claim;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.core.Audited;
import org.claimtracker.incident.Incident;
import org.claimtracker.party.Party;

@Entity
public class Claim extends Audited {

    @Column(length = 120)
    public String ref;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claimant_id", nullable = false)
    public Party claimant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "speaker_id")
    public Party speaker;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "addressed_party_id")
    public Party addressedParty;

    @Column(nullable = false, columnDefinition = "text")
    public String proposition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ClaimKind kind;

    @Column(name = "stated_on", nullable = false)
    public LocalDate statedOn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id")
    public Incident incident;

    @Column(name = "casualties_low")
    public Integer casualtiesLow;

    @Column(name = "casualties_high")
    public Integer casualtiesHigh;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Grading grading = Grading.unassessed;

    @Column(name = "grading_note", columnDefinition = "text")
    public String gradingNote;

    @OneToMany(mappedBy = "claim", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ClaimSource> sources = new ArrayList<>();
}
