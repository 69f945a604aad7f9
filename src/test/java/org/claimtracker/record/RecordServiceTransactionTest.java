package org.claimtracker.record;

import static org.claimtracker.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import java.util.List;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.incident.IncidentRequest;
import org.claimtracker.incident.IncidentService;
import org.claimtracker.outlet.OutletKind;
import org.claimtracker.outlet.OutletRequest;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transactions of the writes a service inherits from {@code core/RecordService}: the class-level
 * {@code @Transactional} applies to them, a write failing after its flush leaves nothing behind, and
 * reading the request of a record joins a transaction but starts none.
 */
@QuarkusTest
class RecordServiceTransactionTest {

    @Inject
    ProbedOutletWrites outlets;

    @Inject
    IncidentService incidents;

    @AfterEach
    void stopFailing() {
        ProbedOutletWrites.failAfterFlush = false;
    }

    private static OutletRequest outlet(String name) {
        return new OutletRequest(name, null, null, OutletKind.blog, null);
    }

    @Test
    void inheritedWritesRunInATransaction() {
        assertEquals(Status.STATUS_NO_TRANSACTION, ProbedOutletWrites.transactionStatus());
        long id = outlets.create(outlet(unique("Probed"))).id();
        assertTrue(ProbedOutletWrites.active(ProbedOutletWrites.statusInApply));
        ProbedOutletWrites.statusInApply = -1;
        outlets.update(id, null, outlet(unique("Probed again")));
        assertTrue(ProbedOutletWrites.active(ProbedOutletWrites.statusInApply));
        outlets.delete(id, null);
        assertEquals(Status.STATUS_NO_TRANSACTION, ProbedOutletWrites.transactionStatus());
    }

    @Test
    void aWriteFailingAfterItsFlushIsRolledBack() throws Exception {
        String kept = unique("Kept");
        long id = outlets.create(outlet(kept)).id();
        ProbedOutletWrites.failAfterFlush = true;
        assertThrows(IllegalStateException.class, () -> outlets.update(id, null, outlet(unique("Never stored"))));
        String never = unique("Never created");
        assertThrows(IllegalStateException.class, () -> outlets.create(outlet(never)));
        assertEquals(List.of(kept), TestDatabase.column("select name from outlet where id = ?", id));
        assertEquals(List.of(), TestDatabase.column("select name from outlet where name = ?", never));
    }

    @Test
    void readingTheRequestJoinsATransactionButStartsNone() {
        String name = unique("Requested");
        long id = outlets.create(outlet(name)).id();
        assertEquals(name, outlets.requestOf(id).name());
        assertEquals(Status.STATUS_NO_TRANSACTION, ProbedOutletWrites.statusInRequestOf);
        QuarkusTransaction.requiringNew().run(() -> outlets.requestOf(id));
        assertEquals(Status.STATUS_ACTIVE, ProbedOutletWrites.statusInRequestOf);
    }

    @Test
    void anUnknownIdIsNotFoundByItsRecordsName() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> outlets.requestOf(Long.MAX_VALUE));
        assertEquals(404, problem.status());
        assertEquals(404, assertThrows(ApiProblem.class, () -> outlets.delete(Long.MAX_VALUE, null)).status());
    }

    @Test
    void aTakenRefIsRefusedNamingTheFieldAndTheHolder() {
        String ref = unique("probe-ref").toLowerCase().replaceAll("[^a-z0-9]+", "-");
        long holder = incidents.create(incident(ref)).id();
        ApiProblem problem = assertThrows(ApiProblem.class, () -> incidents.create(incident(ref)));
        assertEquals(409, problem.status());
        assertEquals("ref", problem.field());
        assertEquals("An incident with ref '" + ref + "' already exists (id " + holder + ")", problem.getMessage());
        assertEquals(holder, incidents.update(holder, null, incident(ref)).id());
    }

    private static IncidentRequest incident(String ref) {
        return new IncidentRequest(ref, unique("Probe incident"), null, null, null, null, null, null, null);
    }
}
