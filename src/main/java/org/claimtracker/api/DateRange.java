package org.claimtracker.api;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.claimtracker.core.Params;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The from and to query parameters of a list filtered by a date ({@code @BeanParam}): both ends
 * inclusive, YYYY-MM-DD, either left out, the start not after the end; they arrive as text so that a
 * bad value is answered with a 400 naming it. Which date they bound is said per operation: its
 * {@value OpenApiFilter#DATED} extension ("Published") makes the descriptions "Published on or after,
 * YYYY-MM-DD" and "Published on or before, YYYY-MM-DD".
 */
public class DateRange {

    @QueryParam("from")
    @Parameter(description = "On or after, YYYY-MM-DD")
    String from;

    @QueryParam("to")
    @Parameter(description = "On or before, YYYY-MM-DD")
    String to;

    /** The start, or null. */
    public LocalDate from() {
        return Params.optionalDate("from", from);
    }

    /** The end, or null; a 400 naming to when it is before the start. */
    public LocalDate to() {
        LocalDate end = Params.optionalDate("to", to);
        Params.checkRange("from", from(), "to", end);
        return end;
    }
}
