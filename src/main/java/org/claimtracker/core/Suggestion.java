package org.claimtracker.core;

/** One typeahead suggestion: the value put in the input ("Name [#id]") and a hint shown beside it. */
public record Suggestion(String value, String label) {

    public static String tagged(String name, long id) {
        return name + " [#" + id + "]";
    }
}
