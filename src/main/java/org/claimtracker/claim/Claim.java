package org.claimtracker.claim;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.core.Audited;
import org.claimtracker.incident.Incident;
import org.claimtracker.party.Party;

@Entity
public class Claim extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_seq")
    @SequenceGenerator(name = "claim_seq", sequenceName = "claim_seq", allocationSize = 50)
    private Long id;

    @Column(length = 120)
    private String ref;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claimant_id", nullable = false)
    private Party claimant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "speaker_id")
    private Party speaker;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "addressed_party_id")
    private Party addressedParty;

    @Column(nullable = false, columnDefinition = "text")
    private String proposition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ClaimKind kind;

    @Column(name = "stated_on", nullable = false)
    private LocalDate statedOn;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    @Column(name = "casualties_low")
    private Integer casualtiesLow;

    @Column(name = "casualties_high")
    private Integer casualtiesHigh;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Grading grading = Grading.unassessed;

    @Column(name = "grading_note", columnDefinition = "text")
    private String gradingNote;

    @OneToMany(mappedBy = "claim", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ClaimSource> sources = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public Party getClaimant() {
        return claimant;
    }

    public void setClaimant(Party claimant) {
        this.claimant = claimant;
    }

    public Party getSpeaker() {
        return speaker;
    }

    public void setSpeaker(Party speaker) {
        this.speaker = speaker;
    }

    public Party getAddressedParty() {
        return addressedParty;
    }

    public void setAddressedParty(Party addressedParty) {
        this.addressedParty = addressedParty;
    }

    public String getProposition() {
        return proposition;
    }

    public void setProposition(String proposition) {
        this.proposition = proposition;
    }

    public ClaimKind getKind() {
        return kind;
    }

    public void setKind(ClaimKind kind) {
        this.kind = kind;
    }

    public LocalDate getStatedOn() {
        return statedOn;
    }

    public void setStatedOn(LocalDate statedOn) {
        this.statedOn = statedOn;
    }

    public Incident getIncident() {
        return incident;
    }

    public void setIncident(Incident incident) {
        this.incident = incident;
    }

    public Integer getCasualtiesLow() {
        return casualtiesLow;
    }

    public void setCasualtiesLow(Integer casualtiesLow) {
        this.casualtiesLow = casualtiesLow;
    }

    public Integer getCasualtiesHigh() {
        return casualtiesHigh;
    }

    public void setCasualtiesHigh(Integer casualtiesHigh) {
        this.casualtiesHigh = casualtiesHigh;
    }

    public Grading getGrading() {
        return grading;
    }

    public void setGrading(Grading grading) {
        this.grading = grading;
    }

    public String getGradingNote() {
        return gradingNote;
    }

    public void setGradingNote(String gradingNote) {
        this.gradingNote = gradingNote;
    }

    public List<ClaimSource> getSources() {
        return sources;
    }
}
