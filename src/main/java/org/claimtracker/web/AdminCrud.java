package org.claimtracker.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.claimtracker.core.Params;
import org.claimtracker.core.Suggestion;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.claimtracker.core.Versioned;

/**
 * What every kind of record's admin pages do alike once the record exists: the edit form, saving
 * it (with the stale-edit comparison), the delete confirmation and the delete. A feature describes
 * its record once (how to read it, name it, fill its form, turn the form into a request, where its
 * page is, how to write) and keeps each route as a one-line method of its own resource, so the
 * addresses stay visible where they are served.
 *
 * @param <V> what the service answers for one record
 * @param <R> what the service takes to change it
 */
public final class AdminCrud<V extends Versioned, R> {

    /** Changes a record, made against the version the form was filled from. */
    @FunctionalInterface
    public interface Update<R> {
        void apply(long id, Long expectedVersion, R request);
    }

    /** Deletes a record, made against the version the confirmation was shown for. */
    @FunctionalInterface
    public interface Delete {
        void apply(long id, Long expectedVersion);
    }

    private final String kind;
    private final String base;
    private final Validator validator;
    private LongFunction<V> read;
    private Function<V, String> name;
    private Function<V, String> page;
    private Function<V, String> afterDelete;
    private Function<V, Form> formOf;
    private Function<Form, R> request;
    private UnaryOperator<Form> prepare = UnaryOperator.identity();
    private BiFunction<Form, V, TemplateInstance> formPage;
    private Function<R, V> create;
    private BiFunction<String, Integer, List<Suggestion>> suggest;
    private Update<R> update;
    private Delete delete;

    private AdminCrud(String kind, String base, Validator validator) {
        this.kind = kind;
        this.base = base;
        this.validator = validator;
    }

    /** The record's kind as the pages name it ("outlet") and its pages' base address ("/admin/outlets"). */
    public static <V extends Versioned, R> AdminCrud<V, R> of(String kind, String base, Validator validator) {
        AdminCrud<V, R> crud = new AdminCrud<>(kind, base, validator);
        crud.page = v -> base + "/" + v.id();
        crud.afterDelete = v -> base;
        return crud;
    }

    /** How one record is read, and the name the delete confirmation asks about. */
    public AdminCrud<V, R> reads(LongFunction<V> read, Function<V, String> name) {
        this.read = read;
        this.name = name;
        return this;
    }

    /** Where the record's page is (after saving, and to go back from a confirmation) and where a deletion lands. */
    public AdminCrud<V, R> pages(Function<V, String> page, Function<V, String> afterDelete) {
        this.page = page;
        this.afterDelete = afterDelete;
        return this;
    }

    /**
     * The form: filled from the stored record, read back into a request (parse errors go onto the
     * form), and rendered with the record it edits.
     */
    public AdminCrud<V, R> form(Function<V, Form> formOf, Function<Form, R> request,
            BiFunction<Form, V, TemplateInstance> formPage) {
        this.formOf = formOf;
        this.request = request;
        this.formPage = formPage;
        return this;
    }

    /** Prepares a posted form before it is read (to show errors about request fields at their inputs). */
    public AdminCrud<V, R> preparing(UnaryOperator<Form> prepare) {
        this.prepare = prepare;
        return this;
    }

    public AdminCrud<V, R> writes(Function<R, V> create, Update<R> update, Delete delete) {
        this.create = create;
        this.update = update;
        this.delete = delete;
        return this;
    }

    /** The suggestions a typeahead input for this kind of record shows. */
    public AdminCrud<V, R> suggesting(BiFunction<String, Integer, List<Suggestion>> suggest) {
        this.suggest = suggest;
        return this;
    }

    /** Records a new one from the form; shown again (422) with every message beside its field when it fails. */
    public Response create(MultivaluedMap<String, String> params) {
        Form form = prepare.apply(Form.of(params));
        R request = this.request.apply(form);
        Response done = Submission.create(form, validator, request,
                () -> Redirects.to(page.apply(create.apply(request)), "created"));
        return Submission.orShow(done, 422, () -> formPage.apply(form, null));
    }

    /** Up to 15 records whose name holds {@code q}; none for a kind that offers no suggestions. */
    public List<Suggestion> suggest(String q) {
        return suggest == null ? List.of() : suggest.apply(Params.optionalText("q", q, 200), 15);
    }

    public TemplateInstance editForm(long id) {
        V record = read.apply(id);
        return formPage.apply(formOf.apply(record), record);
    }

    /** Saves the edit form; shown again (422) with every message beside its field when it fails. */
    public Response update(long id, MultivaluedMap<String, String> params) {
        V current = read.apply(id);
        Form form = prepare.apply(Form.of(params));
        R change = this.request.apply(form);
        Response done = Submission.save(form, validator, change, () -> {
            update.apply(id, form.id("version"), change);
            return Redirects.to(page.apply(current), "updated");
        }, () -> formOf.apply(read.apply(id)));
        return Submission.orShow(done, 422, () -> formPage.apply(form, current));
    }

    public TemplateInstance confirmDelete(long id) {
        return confirmation(read.apply(id), "");
    }

    /** Deletes after confirmation; refused (409) with the reason while other records refer to it. */
    public Response delete(long id, MultivaluedMap<String, String> params) {
        V record = read.apply(id);
        Form form = Form.of(params);
        Response done = Submission.delete(form, () -> {
            delete.apply(id, form.id("version"));
            return Redirects.to(afterDelete.apply(record), "deleted");
        });
        return Submission.orShow(done, 409, () -> confirmation(record, String.join(" ", form.messages())));
    }

    private TemplateInstance confirmation(V record, String problem) {
        return SharedTemplates.confirmDelete(kind, name.apply(record), base + "/" + record.id() + "/delete",
                page.apply(record), problem, record.version());
    }
}
