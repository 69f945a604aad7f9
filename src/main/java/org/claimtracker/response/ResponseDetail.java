package org.claimtracker.response;

import org.claimtracker.party.Party;
import org.claimtracker.core.Versioned;
import java.time.LocalDate;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimRef;
import org.claimtracker.core.AuditInfo;
import org.claimtracker.core.Ref;
import org.jetbrains.annotations.Nullable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResponseView")
public record ResponseDetail(long id, @Nullable String ref, ClaimRef claim, Ref party, @Nullable Ref speaker, Stance stance,
        LocalDate statedOn, QuoteView source, @Nullable ClaimRef counterClaim, @Nullable String note, long version, AuditInfo audit) implements Versioned {
    public static ResponseDetail of(ClaimResponse r) {
        return new ResponseDetail(r.id, r.ref, ClaimRef.of(r.claim), Party.ref(r.party), Party.ref(r.speaker), r.stance,
                r.statedOn, QuoteView.of(r.passage), ClaimRef.of(r.counterClaim), r.note, r.getVersion(), r.audit());
    }
}
