package org.claimtracker.common;

import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The one way an admin form is submitted: check what was typed, then write; a failure the analyst
 * can act on is recorded on the form (beside its field), anything else propagates.
 */
public final class Submission {

    private Submission() {
    }

    /**
     * Validates {@code request} (when given) and runs {@code write}. Returns the write's answer (a
     * redirect), or null when the form must be shown again. After a stale edit, {@code stored}
     * (when given) supplies the form as the newer record fills it.
     */
    public static Response run(Form form, Validator validator, Object request, Supplier<Response> write,
            Supplier<Form> stored) {
        if (form.hasErrors() || request != null && !form.validate(validator, request)) {
            return null;
        }
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!form.reject(e)) {
                throw e;
            }
            if (stored != null && form.wasStale()) {
                form.markStale(stored.get());
            }
            return null;
        }
    }

    /** The write's answer, or the page shown again with {@code status}. */
    public static Response orShow(Response done, int status, Supplier<Object> page) {
        return done != null ? done : Response.status(status).entity(page.get()).build();
    }
}
