package org.claimtracker.core;

import java.util.regex.Pattern;

/**
 * The analyst's reference of a claim, incident or response ({@code ref}): one format for the API's
 * bean validation, the importer and the messages (the CHECK constraints of V1 hold the database to
 * the same pattern).
 */
public final class Refs {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/-]*$";
    public static final String HINT = "must be letters, digits and . _ : / - (starting with a letter or digit)";
    public static final int MAX_LENGTH = 120;
    public static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Refs() {
    }
}
