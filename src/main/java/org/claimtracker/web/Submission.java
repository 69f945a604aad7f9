package org.claimtracker.web;

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
     * Saves a form: validates {@code request}, then runs {@code write}. Returns the write's answer
     * (a redirect), or null when the form must be shown again. After a stale edit, {@code stored}
     * supplies the form as the newer record fills it, so the analyst sees what changed meanwhile.
     */
    public static Response save(Form form, Validator validator, Object request, Supplier<Response> write,
            Supplier<Form> stored) {
        if (form.hasErrors() || !form.validate(validator, request)) {
            return null;
        }
        return write(form, write, stored);
    }

    /** Records something new from a form: as {@link #save}, with no older version to compare. */
    public static Response create(Form form, Validator validator, Object request, Supplier<Response> write) {
        return save(form, validator, request, write, null);
    }

    /**
     * Runs a write that takes no typed fields (a deletion, a revocation); a refusal (the record is
     * still referenced) is recorded on the form.
     */
    public static Response delete(Form form, Supplier<Response> write) {
        return form.hasErrors() ? null : write(form, write, null);
    }

    private static Response write(Form form, Supplier<Response> write, Supplier<Form> stored) {
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
