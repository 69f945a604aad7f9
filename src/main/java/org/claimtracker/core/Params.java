package org.claimtracker.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters arrive as text and are parsed here, so that a malformed value is answered with
 * a 400 that names the parameter (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class Params {

    private Params() {
    }

    public static Long optionalId(String name, String raw) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value <= 0) {
                throw ApiProblem.badRequest(name, name + " must be a positive id");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, name + " must be a whole number, got '" + shorten(raw) + "'");
        }
    }

    public static int intInRange(String name, String raw, int defaultValue, int min, int max) {
        if (isBlank(raw)) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, name + " must be a whole number, got '" + shorten(raw) + "'");
        }
        if (value < min || value > max) {
            throw ApiProblem.badRequest(name, name + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static LocalDate optionalDate(String name, String raw) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, name + " must be a date as YYYY-MM-DD, got '" + shorten(raw) + "'");
        }
    }

    public static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (isBlank(raw)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw.trim())) {
                return constant;
            }
        }
        throw ApiProblem.badRequest(name, name + " must be one of " + allowed(type) + ", got '" + shorten(raw) + "'");
    }

    /** A true/false parameter; absent (or blank) is false. */
    public static boolean optionalFlag(String name, String raw) {
        if (isBlank(raw) || raw.trim().equals("false")) {
            return false;
        }
        if (raw.trim().equals("true")) {
            return true;
        }
        throw ApiProblem.badRequest(name, name + " must be true or false, got '" + shorten(raw) + "'");
    }

    /** The date range filter: both ends inclusive, the start not after the end. */
    public static void checkRange(String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest(toName, toName + " must not be before " + fromName);
        }
    }

    public static String optionalText(String name, String raw, int maxLength) {
        if (isBlank(raw)) {
            return null;
        }
        String trimmed = raw.trim();
        if (trimmed.length() > maxLength) {
            throw ApiProblem.badRequest(name, name + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }

    private static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    }
}
