package org.claimtracker.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.claimtracker.account.AccountRole;
import org.claimtracker.api.Created;
import org.claimtracker.api.MergePatch;
import org.claimtracker.api.PageQuery;
import org.claimtracker.api.IfMatch;
import org.claimtracker.audit.AuditService;
import org.claimtracker.audit.HistoryEntry;
import org.claimtracker.core.Page;
import org.claimtracker.core.RecordWrites;
import org.claimtracker.core.Versioned;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The operations every kind of record answers alike, in one place: create (201 with Location),
 * correct (PUT with If-Match), change some fields (JSON Merge Patch), delete, and its history. A
 * feature's resource extends it with its answer ({@code D}) and request ({@code R}) records, says
 * which service writes them and under which name the audit log files them, and keeps its own list
 * and get (their filters differ from kind to kind).
 *
 * <p>The description of these operations is completed per kind by {@code api.OpenApiFilter}
 * ({@code api.RecordDescriptions}: operation ids such as {@code updateParty}, summaries, the 201
 * body, the merge-patch body, the roles). The sentences proper to one kind are class-level extensions
 * of its resource: {@code x-record-noun} ("party"), and {@code x-record-create},
 * {@code x-record-update}, {@code x-record-delete} (what a creation requires, what a correction
 * replaces, what a delete is refused for).
 */
@RolesAllowed(AccountRole.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class RecordResource<D extends Versioned, R, S extends RecordWrites<D, R>> {

    /** Marks the operations api.OpenApiFilter names and describes per kind (RecordDescriptions). */
    static final String RECORD_OPERATION = "x-record-operation";

    @Inject
    AuditService audit;

    @Inject
    MergePatch patches;

    private final String auditKind;
    private final Class<R> requestType;
    /** The service that writes this kind of record; the feature's own list and get read through it too. */
    protected final S service;

    /**
     * {@code auditKind}: the record's table as the audit log names it ("party"); {@code service}: the
     * service that writes this kind of record.
     */
    protected RecordResource(String auditKind, Class<R> requestType, S service) {
        this.auditKind = auditKind;
        this.requestType = requestType;
        this.service = service;
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed(AccountRole.VIEWER)
    @Extension(name = RECORD_OPERATION, value = "history")
    public Page<HistoryEntry> history(@PathParam("id") long id, @BeanParam PageQuery page) {
        return audit.historyOf(auditKind, id, page.params());
    }

    @POST
    @RolesAllowed(AccountRole.ANALYST)
    @Extension(name = RECORD_OPERATION, value = "create")
    public Response create(@Valid @NotNull R request, @Context UriInfo uri) {
        D created = service.create(request);
        return Created.at(uri, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(AccountRole.ANALYST)
    @Extension(name = RECORD_OPERATION, value = "update")
    public D update(@PathParam("id") long id, @BeanParam IfMatch ifMatch, @Valid @NotNull R request) {
        return service.update(id, ifMatch.version(), request);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(AccountRole.ANALYST)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Extension(name = RECORD_OPERATION, value = "patch")
    public D patch(@PathParam("id") long id, @BeanParam IfMatch ifMatch, JsonNode patch) throws JsonProcessingException {
        long version = ifMatch.version();
        R merged = patches.apply(patch, () -> service.requestOf(id), requestType);
        return service.update(id, version, merged);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(AccountRole.ANALYST)
    @Extension(name = RECORD_OPERATION, value = "delete")
    public void delete(@PathParam("id") long id, @BeanParam IfMatch ifMatch) {
        service.delete(id, ifMatch.version());
    }
}
