package org.claimtracker.core;

/**
 * Text PostgreSQL can store: no NUL character (it refuses one) and no half of a UTF-16 surrogate
 * pair (it cannot be encoded as UTF-8). Every text that enters through the API or the admin pages
 * is held to this, with an answer naming the field instead of a server error.
 */
public final class Texts {

    private Texts() {
    }

    /** Why the text cannot be stored, or null when it can. */
    public static String fault(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (U+D800 to U+DFFF)";
            }
        }
        return null;
    }

    /** The text, or a 400 naming {@code field} when it cannot be stored. */
    public static String require(String field, String text) {
        String fault = fault(text);
        if (fault != null) {
            throw ApiProblem.badRequest(field, field + " " + fault);
        }
        return text;
    }
}
