package org.claimtracker.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The one-line confirmation shown after a redirect ({@code ?done=created}), for templates. */
@Named("flash")
@RequestScoped
public class Flash {

    @Inject
    RoutingContext request;

    public String message() {
        String done = request.request().getParam("done");
        if (done == null) {
            return "";
        }
        return switch (done) {
            case "created" -> "Saved.";
            case "updated" -> "Changes saved.";
            case "deleted" -> "Deleted.";
            default -> "";
        };
    }
}
