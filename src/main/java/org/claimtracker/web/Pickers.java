package org.claimtracker.web;

import java.util.function.Function;

/**
 * Fields where an analyst chooses a record by typing its name: the suggestion list fills in
 * "Name [#id]", but a bare name (or alias) typed by hand is looked up too.
 */
public final class Pickers {

    private Pickers() {
    }

    /**
     * The id the field names: a suggestion's id, a bare id, or the id of the record {@code byName}
     * finds. Null when the field is empty; a name that finds nothing is marked on the form.
     */
    public static Long pick(Form form, String field, Function<String, Long> byName, String what) {
        String text = form.text(field);
        if (text == null) {
            return null;
        }
        if (Form.isTagged(text) || text.matches("\\d+")) {
            return form.id(field);
        }
        Long id = byName.apply(text);
        if (id == null) {
            form.reject(field, "No " + what + " is named '" + text + "'; choose one of the suggestions or record the "
                    + what + " first");
        }
        return id;
    }
}
