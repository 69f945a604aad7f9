package org.claimtracker.web;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.core.Failures;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.Problem;
import org.claimtracker.core.Texts;

/**
 * What an analyst typed into an admin form, and what was wrong with it. A form that fails is shown
 * again with every value kept and each message beside its field. Errors from the services name the
 * request's fields ({@code claimantId}); {@link #alias} says which input shows them ({@code claimant}).
 */
public class Form {

    private static final Pattern TRAILING_ID = Pattern.compile("\\[#(\\d+)]\\s*$");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Map<String, String>> suggestions = new HashMap<>();
    private static final com.fasterxml.jackson.databind.ObjectMapper SUGGESTION_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private String general;
    private int failureStatus;
    private List<Difference> newer = List.of();

    /** A field whose stored value differs from what the analyst typed. */
    public record Difference(String field, String theirs, String yours) {
    }

    public static Form empty() {
        return new Form();
    }

    public static Form of(MultivaluedMap<String, String> params) {
        Form form = new Form();
        if (params != null) {
            // The last value wins: a checkbox follows the hidden "false" that stands in when it is unticked.
            params.forEach((name, list) -> {
                if (list != null && !list.isEmpty()) {
                    String value = list.get(list.size() - 1);
                    String fault = Texts.fault(value);
                    if (fault != null) {
                        // Refused beside its field; what is shown again cannot carry the character either.
                        form.errors.put(name, fault);
                        value = value.replace('\0', '\uFFFD');
                    }
                    form.values.put(name, value);
                }
            });
        }
        return form;
    }

    /**
     * How many rows of a repeated group the form holds ({@code sources[0].quote}, {@code sources[1].quote}
     * ... gives 2), at most {@code max}.
     */
    public int rows(String group, int max) {
        String prefix = group + "[";
        int rows = 0;
        for (String name : values.keySet()) {
            int end = name.indexOf(']');
            if (name.startsWith(prefix) && end > prefix.length()) {
                try {
                    rows = Math.max(rows, Integer.parseInt(name.substring(prefix.length(), end)) + 1);
                } catch (NumberFormatException e) {
                    // a field name the form never produces: ignored
                }
            }
        }
        return Math.min(rows, max);
    }

    /** Whether a text ends with a suggestion's "[#id]". */
    public static boolean isTagged(String text) {
        return TRAILING_ID.matcher(text).find();
    }

    /** Pre-fills a field; null leaves it empty. */
    public Form with(String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
        return this;
    }

    /** Empties a field, so that a re-shown form never echoes it (passwords). */
    public Form clear(String name) {
        values.remove(name);
        return this;
    }

    /** Errors about {@code requestField} are shown at the input {@code formField}. */
    public Form alias(String requestField, String formField) {
        aliases.put(requestField, formField);
        return this;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean has(String name) {
        return !value(name).isBlank();
    }

    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || general != null;
    }

    public String general() {
        return general == null ? "" : general;
    }

    /** A message and the input it belongs to, for the summary at the top of the form. */
    public record FieldMessage(String field, String message) {
    }

    /** Every field's message, in the order they were found. */
    public List<FieldMessage> fieldMessages() {
        return errors.entrySet().stream().map(e -> new FieldMessage(e.getKey(), e.getValue())).toList();
    }

    /** Every message, for the summary at the top of the form. */
    public List<String> messages() {
        List<String> all = new ArrayList<>();
        if (general != null) {
            all.add(general);
        }
        all.addAll(errors.values());
        return all;
    }

    public void reject(String field, String message) {
        if (field == null) {
            general = message;
            return;
        }
        errors.putIfAbsent(inputOf(field), message);
    }

    /** The input of this form that holds a request's field (through the aliases the form declares). */
    private String inputOf(String field) {
        String target = aliases.get(field);
        if (target == null && values.containsKey(field)) {
            // The name of an input of the form itself (a message about what was typed there).
            target = field;
        }
        if (target == null) {
            target = field;
            int longest = -1;
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                String prefix = alias.getKey() + ".";
                if (field.startsWith(prefix) && prefix.length() > longest) {
                    longest = prefix.length();
                    target = alias.getValue() + field.substring(alias.getKey().length());
                }
            }
        }
        if (!values.containsKey(target) && target.contains("[")) {
            // One input holds the whole list (aliases, one per line): the message goes there.
            target = target.substring(0, target.indexOf('['));
        }
        return target;
    }

    /**
     * What the tracker suggests for an input it refused (a quote's exact words, and where they
     * start), as the JSON the "use it" button of the page fills the inputs with; null when none.
     */
    public String suggestion(String name) {
        java.util.Map<String, String> values = suggestions.get(name);
        if (values == null) {
            return null;
        }
        try {
            return SUGGESTION_JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** Records why a write failed; returns false when the failure is not the form's fault. */
    public boolean reject(Throwable failure) {
        Problem problem = Failures.of(failure);
        if (problem == null) {
            return false;
        }
        Throwable cause = failure;
        while (cause != null && !(cause instanceof org.claimtracker.core.ApiProblem)) {
            cause = cause.getCause();
        }
        if (cause instanceof org.claimtracker.core.ApiProblem refused && problem.field() != null
                && !refused.suggested().isEmpty()) {
            Map<String, String> inputs = new LinkedHashMap<>();
            refused.suggested().forEach((field, value) -> inputs.put(inputOf(field), value));
            suggestions.put(inputOf(problem.field()), inputs);
        }
        failureStatus = problem.status();
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            problem.errors().forEach(e -> reject(e.field(), e.message()));
        } else {
            reject(problem.field(), problem.detail());
        }
        return true;
    }

    /** Whether the last failure was an edit of an older version than the stored one. */
    public boolean wasStale() {
        return failureStatus == 412;
    }

    /**
     * After a stale edit: keeps what the analyst typed, lists where the newer stored record
     * differs, and takes the newer version, so that saving again knowingly replaces it.
     */
    public void markStale(Form stored) {
        general = "Someone else saved this record while you were editing it. Your changes are kept below;"
                + " where the saved record now differs, its values are listed here. Save again to replace them with yours.";
        errors.remove("version");
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : stored.values.entrySet()) {
            String field = entry.getKey();
            String yours = value(field);
            if (!field.equals("version") && !entry.getValue().strip().equals(yours.strip())) {
                differences.add(new Difference(field, entry.getValue(), yours));
            }
        }
        differences.sort(java.util.Comparator.comparing(Difference::field));
        newer = differences;
        values.put("version", stored.value("version"));
    }

    public List<Difference> newerValues() {
        return newer;
    }

    /** Runs bean validation on a request built from this form; true when it passes. */
    public <T> boolean validate(Validator validator, T request) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            reject(Failures.fieldOf(violation), violation.getMessage());
        }
        return !hasErrors();
    }

    public String text(String name) {
        return Lookup.trimToNull(values.get(name));
    }

    public Long id(String name) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        Matcher tagged = TRAILING_ID.matcher(raw);
        String digits = tagged.find() ? tagged.group(1) : raw;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            reject(name, "Choose one of the suggestions");
            return null;
        }
    }

    /**
     * The request whose components are read from the inputs of the same names, each as its type says
     * (text, date, whole number, decimal, choice, checkbox, lines of a text area); {@code special} gives
     * the reading of the others (a picked record's id, a group of inputs), in the order of the components.
     */
    public <R extends Record> R read(Class<R> type, Map<String, Supplier<?>> special) {
        return RecordForms.read(this, type, special);
    }

    public <R extends Record> R read(Class<R> type) {
        return read(type, Map.of());
    }

    /**
     * The form as a stored record fills it: the inputs named like a component of both the record and
     * the {@code request} it is edited with, and the version. Pickers and groups are filled by the caller.
     */
    public static Form filled(Record stored, Class<? extends Record> request) {
        return RecordForms.filled(stored, request);
    }

    public Integer integer(String name) {
        return parsed(name, Integer::parseInt, "Enter a whole number");
    }

    public Long whole(String name) {
        return parsed(name, Long::parseLong, "Enter a whole number");
    }

    public LocalDate date(String name) {
        return parsed(name, LocalDate::parse, "Enter a date as YYYY-MM-DD");
    }

    public BigDecimal decimal(String name) {
        return parsed(name, BigDecimal::new, "Enter a number");
    }

    /** The field read by the parser; null when empty, and null with the message when it does not parse. */
    private <T> T parsed(String name, Function<String, T> parser, String message) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (NumberFormatException | DateTimeParseException e) {
            reject(name, message);
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        reject(name, "Choose one of the options");
        return null;
    }

    public boolean checked(String name) {
        String raw = text(name);
        return raw != null && !raw.equals("false");
    }

    /** Lines of a text area, trimmed, blank ones dropped. */
    public List<String> lines(String name) {
        String raw = values.get(name);
        if (raw == null) {
            return List.of();
        }
        return raw.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
