package org.claimtracker.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A plain field of the request reaches the stored claim with no line of its own in the service
 * (core/PlainFields): changed alone, it is still written (the change is seen at the flush).
 */
@QuarkusTest
class ClaimPlainFieldTest {

    private static final LocalDate DAY = LocalDate.of(2018, 5, 2);

    @Inject
    ClaimService claims;

    @Test
    void aPlainFieldChangedAloneRoundTrips() {
        long article = Fixtures.article("The office said the strike killed four. Nobody else spoke.", DAY.plusDays(1));
        long claimant = Fixtures.party("Office", "government_body");
        long id = Fixtures.claim(claimant, null, article, "the strike killed four", DAY);
        ClaimDetail before = claims.get(id, null);
        ClaimRequest stored = claims.requestOf(id);
        ClaimRequest noted = new ClaimRequest(stored.ref(), stored.claimantId(), stored.speakerId(),
                stored.addressedPartyId(), stored.proposition(), stored.kind(), stored.statedOn(), stored.incidentId(),
                stored.casualtiesLow(), stored.casualtiesHigh(), stored.grading(), "  checked against the wire  ",
                stored.sources());
        ClaimDetail after = claims.update(id, before.version(), noted);
        assertEquals("checked against the wire", after.gradingNote());
        assertEquals("checked against the wire", claims.get(id, null).gradingNote());
        assertEquals(before.version() + 1, after.version());

        ClaimRequest cleared = new ClaimRequest(stored.ref(), stored.claimantId(), stored.speakerId(),
                stored.addressedPartyId(), stored.proposition(), stored.kind(), stored.statedOn(), stored.incidentId(),
                4, 4, stored.grading(), " ", stored.sources());
        claims.update(id, after.version(), cleared);
        ClaimDetail last = claims.get(id, null);
        assertNull(last.gradingNote());
        assertEquals(4, last.casualtiesLow());
    }
}
