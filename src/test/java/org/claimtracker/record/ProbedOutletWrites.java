package org.claimtracker.record;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.RecordService;
import org.claimtracker.outlet.Outlet;
import org.claimtracker.outlet.OutletDetail;
import org.claimtracker.outlet.OutletRequest;

/**
 * A service of outlets declared as the tracker's services are (class-level {@code @Transactional},
 * every write inherited from {@link RecordService}), which notes the transaction its steps run in
 * and can be told to fail after a write's flush. Only {@code RecordServiceTransactionTest} uses it.
 */
@ApplicationScoped
@Transactional
public class ProbedOutletWrites extends RecordService<Outlet, OutletDetail, OutletRequest> {

    static volatile int statusInApply = -1;
    static volatile int statusInRequestOf = -1;
    static volatile boolean failAfterFlush;

    public ProbedOutletWrites() {
        super(Outlet.class, Outlet::new, "outlet", outlet -> {
            statusInRequestOf = transactionStatus();
            return OutletRequest.of(outlet);
        });
    }

    @Override
    protected void apply(Outlet outlet, OutletRequest request) {
        statusInApply = transactionStatus();
        PlainFields.copy(request, outlet);
    }

    @Override
    protected OutletDetail answer(Outlet outlet) {
        if (failAfterFlush) {
            throw new IllegalStateException("refused after the flush");
        }
        return OutletDetail.of(outlet, 0);
    }

    static int transactionStatus() {
        try {
            return Arc.container().instance(TransactionManager.class).get().getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean active(int status) {
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }
}
