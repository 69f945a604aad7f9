package org.claimtracker.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.claimtracker.core.Versioned;

/**
 * The pages every kind of record has once it exists, below its admin resource's address: the edit
 * form ({@code GET {id}/edit}), saving it ({@code POST {id}}), the delete confirmation
 * ({@code GET {id}/delete}) and the delete ({@code POST {id}/delete}), all for analysts. A feature's
 * admin resource extends this and describes its record in {@link #crud}.
 *
 * @param <V> what the service answers for one record
 * @param <R> what the service takes to change it
 */
public abstract class AdminRecordPages<V extends Versioned, R> {

    private static final String ANALYST = "analyst";

    /** The record's description, set by the feature when its resource is made. */
    protected AdminCrud<V, R> crud;

    @GET
    @Path("{id}/edit")
    @RolesAllowed(ANALYST)
    public TemplateInstance editForm(@PathParam("id") long id) {
        return crud.editForm(id);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ANALYST)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        return crud.update(id, params);
    }

    @GET
    @Path("{id}/delete")
    @RolesAllowed(ANALYST)
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return crud.confirmDelete(id);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(ANALYST)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> params) {
        return crud.delete(id, params);
    }
}
