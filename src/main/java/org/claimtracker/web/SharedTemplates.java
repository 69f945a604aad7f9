package org.claimtracker.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admin pages that every feature uses: the delete confirmation and the error page. */
@CheckedTemplate(basePath = "shared")
public final class SharedTemplates {

    private SharedTemplates() {
    }

    /**
     * Asks before deleting. {@code problem} explains why an earlier attempt was refused (the record
     * is still referenced), or is empty.
     */
    public static native TemplateInstance confirmDelete(String what, String name, String action, String back,
            String problem, long version);

    public static native TemplateInstance error(int status, String title, String detail);
}
