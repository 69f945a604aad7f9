package org.claimtracker.response;

import org.claimtracker.common.Versioned;
import java.time.LocalDate;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.ClaimRef;
import org.claimtracker.common.AuditInfo;
import org.claimtracker.common.Ref;

public record ResponseView(long id, String ref, ClaimRef claim, Ref party, Ref speaker, Stance stance,
        LocalDate statedOn, QuoteView source, ClaimRef counterClaim, String note, long version, AuditInfo audit) implements Versioned {
}
