package org.claimtracker.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.claimtracker.core.PageParams;

/**
 * The page and size query parameters every list of the API takes ({@code @BeanParam}); they arrive
 * as text so that a bad value is answered with a 400 naming it.
 */
public class PageQuery {

    @QueryParam("page")
    @Parameter(description = "Page number, from 0")
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 200 (default 20)")
    String size;

    public PageParams params() {
        return PageParams.of(page, size);
    }
}
