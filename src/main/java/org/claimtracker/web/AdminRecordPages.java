package org.claimtracker.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.claimtracker.core.Suggestion;
import org.claimtracker.core.Versioned;

/**
 * What every kind of record's admin pages do alike, below its admin resource's address: recording
 * one from the new-record form ({@code POST}), the typeahead suggestions ({@code GET suggest}), the
 * edit form ({@code GET {id}/edit}), saving it ({@code POST {id}}), the delete confirmation
 * ({@code GET {id}/delete}) and the delete ({@code POST {id}/delete}); writing is for analysts. A feature's
 * admin resource extends this and describes its record in {@link #describe}.
 *
 * @param <V> what the service answers for one record
 * @param <R> what the service takes to change it
 */
public abstract class AdminRecordPages<V extends Versioned, R> {

    private static final String ANALYST = "analyst";

    @Inject
    protected Validator validator;

    private AdminCrud<V, R> crud;

    /**
     * How the feature's records are read, named, filled into their form, turned into requests and
     * written: {@code record("outlet", "/admin/outlets").reads(...).form(...).writes(...)}.
     */
    protected abstract AdminCrud<V, R> describe();

    /** The start of the description: the record's kind as the pages name it and its pages' base address. */
    protected AdminCrud<V, R> record(String kind, String base) {
        return AdminCrud.of(kind, base, validator);
    }

    /** Describes the record once, when the resource is made. */
    @PostConstruct
    protected void described() {
        crud = describe();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ANALYST)
    public Response create(MultivaluedMap<String, String> params) {
        return crud.create(params);
    }

    @GET
    @Path("suggest")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Suggestion> suggest(@QueryParam("q") String q) {
        return crud.suggest(q);
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(ANALYST)
    public TemplateInstance editForm(@PathParam("id") long id) {
        return crud.editForm(id);
    }

    @GET
    @Path("{id}/delete")
    @RolesAllowed(ANALYST)
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return crud.confirmDelete(id);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ANALYST)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        return crud.update(id, params);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ANALYST)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        return crud.delete(id, params);
    }
}
