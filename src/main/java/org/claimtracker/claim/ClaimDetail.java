package org.claimtracker.claim;

import org.claimtracker.response.ClaimResponse;
import org.claimtracker.incident.Incident;
import org.claimtracker.party.Party;
import org.claimtracker.core.Versioned;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Ref;
import org.claimtracker.position.PartyPosition;
import org.claimtracker.response.ResponseDetail;
import org.jetbrains.annotations.Nullable;
import org.claimtracker.response.Stance;

/**
 * A claim with everything about it: its sources, its response history in date order, each
 * involved party's position (as of {@code asOf}, when given), and the claims it was made in answer
 * to (when a party counter-attributed another claim by making this one).
 */
public record ClaimDetail(long id, @Nullable String ref, Ref claimant, @Nullable Ref speaker, @Nullable Ref addressedParty, String proposition,
        ClaimKind kind, LocalDate statedOn, @Nullable Ref incident, @Nullable Integer casualtiesLow, @Nullable Integer casualtiesHigh,
        Grading grading, @Nullable String gradingNote, List<SourceView> sources, List<ResponseDetail> responses,
        List<PartyPosition> positions, List<CounterClaimOf> madeInResponseTo, @Nullable LocalDate asOf, long version,
        AuditInfo audit) implements Versioned {

    /**
     * The claim with what the service read about it: its sources, its responses and positions as of
     * {@code asOf} (all when null), and the responses it was made in answer to.
     */
    public static ClaimDetail of(Claim c, List<SourceView> sources, List<ResponseDetail> responses,
            List<PartyPosition> positions, List<CounterClaimOf> madeInResponseTo, LocalDate asOf) {
        return new ClaimDetail(c.id, c.ref, Party.ref(c.claimant), Party.ref(c.speaker), Party.ref(c.addressedParty),
                c.proposition, c.kind, c.statedOn, Incident.ref(c.incident), c.casualtiesLow, c.casualtiesHigh, c.grading,
                c.gradingNote, sources, responses, positions, madeInResponseTo, asOf, c.getVersion(), c.audit());
    }

    /** A response elsewhere that names this claim as the counter-claim it makes. */
    public record CounterClaimOf(long responseId, ClaimRef claim, Ref party,
            Stance stance) {

        public static CounterClaimOf of(ClaimResponse r) {
            return new CounterClaimOf(r.id, ClaimRef.of(r.claim), Party.ref(r.party), r.stance);
        }
    }
}
