package org.claimtracker.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.claimtracker.core.Versioned;

/** Adds the ETag (the record's version) to every successful answer that carries one versioned record. */
public class ETagFilter {

    @ServerResponseFilter
    public void etag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned record && response.getStatus() < 300
                && !response.getHeaders().containsKey("ETag")) {
            response.getHeaders().putSingle("ETag", Preconditions.tagOf(record.version()));
        }
    }
}
