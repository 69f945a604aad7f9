package org.claimtracker.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimtracker.api.HtmlErrors;

/** A failure in the admin pages is shown as the shared error page, in the pages' layout. */
@ApplicationScoped
public class ErrorPages implements HtmlErrors {

    @Override
    public Object page(int status, String title, String detail) {
        return SharedTemplates.error(status, title, detail);
    }
}
