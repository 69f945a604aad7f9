package org.claimtracker.importer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.claimtracker.core.Refs;

/**
 * One field of an import row: its name in JSON Lines and CSV headers, what it holds, whether it
 * is required and its bounds. {@link #check} turns the raw value into what the staging table takes,
 * or explains what is wrong with it.
 */
record Field(String name, Kind kind, boolean required, int maxLength, Pattern pattern, String patternHint,
        List<String> vocabulary, String column) {

    enum Kind { TEXT, DATE, INTEGER, ID, TEXT_LIST }

    static final Pattern REF = Refs.COMPILED;
    static final String REF_HINT = Refs.HINT;

    static Field text(String name, int maxLength) {
        return new Field(name, Kind.TEXT, false, maxLength, null, null, null, null);
    }

    static Field date(String name) {
        return new Field(name, Kind.DATE, false, 0, null, null, null, null);
    }

    static Field integer(String name) {
        return new Field(name, Kind.INTEGER, false, 0, null, null, null, null);
    }

    static Field id(String name) {
        return new Field(name, Kind.ID, false, 0, null, null, null, null);
    }

    static Field list(String name, int maxLength) {
        return new Field(name, Kind.TEXT_LIST, false, maxLength, null, null, null, null);
    }

    static Field oneOf(String name, List<String> vocabulary) {
        return new Field(name, Kind.TEXT, false, 40, null, null, vocabulary, null);
    }

    Field mandatory() {
        return new Field(name, kind, true, maxLength, pattern, patternHint, vocabulary, column);
    }

    Field matching(Pattern pattern, String hint) {
        return new Field(name, kind, required, maxLength, pattern, hint, vocabulary, column);
    }

    /**
     * The field is copied as it is into this column of its table: the import stages, spools and
     * inserts it without any code of its own (a field that must be resolved, defaulted or trimmed
     * is not plain).
     */
    Field plain(String column) {
        if (kind != Kind.TEXT && kind != Kind.DATE && kind != Kind.INTEGER) {
            throw new IllegalArgumentException(name + " cannot be copied as it is");
        }
        return new Field(name, kind, required, maxLength, pattern, patternHint, vocabulary, column);
    }

    /** The staging table's type for a plain field. */
    String sqlType() {
        return switch (kind) {
            case DATE -> "date";
            case INTEGER -> "int";
            default -> "text";
        };
    }

    /** Thrown with the reason a value is refused. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The value to stage: a String, LocalDate, Integer, Long or List of String, or null. Text is
     * taken as given (surrounding blanks kept: quotes must match the article verbatim), but text
     * made only of blanks counts as missing.
     */
    Object check(Object raw) throws Invalid {
        if (raw instanceof String s && s.isBlank() && kind != Kind.TEXT_LIST) {
            raw = null;
        }
        if (raw == null) {
            if (required) {
                throw new Invalid("is required");
            }
            return null;
        }
        switch (kind) {
            case TEXT -> {
                String s = asText(raw);
                if (s.codePointCount(0, s.length()) > maxLength) {
                    throw new Invalid("must be at most " + maxLength + " characters");
                }
                if (s.indexOf('\0') >= 0) {
                    throw new Invalid("must not contain NUL characters");
                }
                if (vocabulary != null && !vocabulary.contains(s)) {
                    throw new Invalid("must be one of " + String.join(", ", vocabulary) + " (got '" + clip(s) + "')");
                }
                if (pattern != null && !pattern.matcher(s).matches()) {
                    throw new Invalid(patternHint);
                }
                return s;
            }
            case DATE -> {
                String s = asText(raw).trim();
                try {
                    if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        throw new DateTimeParseException("", s, 0);
                    }
                    return LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new Invalid("must be a date written YYYY-MM-DD (got '" + clip(s) + "')");
                }
            }
            case INTEGER, ID -> {
                long value;
                if (raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float)) {
                    value = n.longValue();
                } else if (raw instanceof String s && s.trim().matches("-?\\d{1,18}")) {
                    value = Long.parseLong(s.trim());
                } else {
                    throw new Invalid("must be a whole number (got '" + clip(String.valueOf(raw)) + "')");
                }
                if (kind == Kind.ID) {
                    if (value <= 0) {
                        throw new Invalid("must be a positive id");
                    }
                    return value;
                }
                if (value < 0 || value > 100_000_000) {
                    throw new Invalid("must be between 0 and 100000000");
                }
                return (int) value;
            }
            case TEXT_LIST -> {
                List<String> values;
                if (raw instanceof List<?> items) {
                    values = new java.util.ArrayList<>();
                    for (Object item : items) {
                        if (!(item instanceof String s)) {
                            throw new Invalid("must be a list of strings");
                        }
                        values.add(s.trim());
                    }
                } else if (raw instanceof String s) {
                    // CSV: one cell, items separated by semicolons
                    values = java.util.Arrays.stream(s.split(";")).map(String::trim).filter(v -> !v.isEmpty()).toList();
                } else {
                    throw new Invalid("must be a list of strings");
                }
                if (values.size() > 50) {
                    throw new Invalid("must have at most 50 items");
                }
                for (String v : values) {
                    if (v.isEmpty()) {
                        throw new Invalid("must not contain blank items");
                    }
                    if (v.length() > maxLength) {
                        throw new Invalid("items must be at most " + maxLength + " characters");
                    }
                }
                return values;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static String asText(Object raw) throws Invalid {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        throw new Invalid("must be a string");
    }

    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
