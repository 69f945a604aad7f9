package org.claimtracker.response;

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
}
