package org.claimtracker.api;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The If-Match header every change and delete of a record requires ({@code @BeanParam}): the ETag
 * the client read, so that a change made to a version it has not seen is refused.
 */
public class IfMatch {

    @HeaderParam("If-Match")
    @Parameter(description = Preconditions.IF_MATCH, required = true)
    String value;

    /** The version the client read: 428 when the header is missing or {@code *}, 400 when it is no ETag. */
    public long version() {
        return Preconditions.required(value);
    }
}
