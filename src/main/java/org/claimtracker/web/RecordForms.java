package org.claimtracker.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.claimtracker.core.Versioned;

/**
 * Reads a request record from a form, and fills a form from a stored record, by the names of the
 * records' components: an input is named like the request's component it sets ({@code statedOn},
 * {@code gradingNote}), so a plain field added to a record needs no code in its admin resource, only
 * its input in the form template. See {@link Form#read} and {@link Form#filled}.
 */
final class RecordForms {

    private RecordForms() {
    }

    static <R extends Record> R read(Form form, Class<R> type, Map<String, Supplier<?>> special) {
        RecordComponent[] components = type.getRecordComponents();
        for (String name : special.keySet()) {
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Supplier<?> reading = special.get(component.getName());
            values[i] = reading != null ? checked(component, reading.get()) : plain(form, component);
            types[i] = component.getType();
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
        }
    }

    /** The value of a plain component, read from the input of the same name as its type says. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object plain(Form form, RecordComponent component) {
        String name = component.getName();
        Class<?> type = component.getType();
        if (type == String.class) {
            return form.text(name);
        } else if (type == LocalDate.class) {
            return form.date(name);
        } else if (type == Integer.class) {
            return form.integer(name);
        } else if (type == Long.class) {
            return form.whole(name);
        } else if (type == BigDecimal.class) {
            return form.decimal(name);
        } else if (type == boolean.class || type == Boolean.class) {
            return form.checked(name);
        } else if (type.isEnum()) {
            return form.choice(name, (Class) type);
        } else if (isLines(component)) {
            return form.lines(name);
        }
        throw new IllegalArgumentException(component.getDeclaringRecord().getSimpleName() + "." + name + " is a "
                + component.getGenericType().getTypeName() + ", which a form does not read by itself: give its reading");
    }

    private static Object checked(RecordComponent component, Object value) {
        Class<?> type = component.getType().isPrimitive() ? boxed(component.getType()) : component.getType();
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(component.getName() + " is read as a " + value.getClass().getSimpleName()
                    + ", the request takes a " + type.getSimpleName());
        }
        return value;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == boolean.class ? Boolean.class : primitive == int.class ? Integer.class
                : primitive == long.class ? Long.class : Object.class;
    }

    /**
     * The form as a stored record fills it: every component the request shares with it by name (text,
     * dates, numbers, choices, lines), and the version it was read at.
     */
    static Form filled(Record stored, Class<? extends Record> request) {
        Form form = Form.empty();
        for (RecordComponent wanted : request.getRecordComponents()) {
            for (RecordComponent component : stored.getClass().getRecordComponents()) {
                if (component.getName().equals(wanted.getName()) && isPlain(component)) {
                    Object value = valueOf(stored, component);
                    form.with(component.getName(), value instanceof List<?> lines ? String.join("\n", lines.stream()
                            .map(String::valueOf).toList()) : value);
                }
            }
        }
        if (stored instanceof Versioned versioned) {
            form.with("version", versioned.version());
        }
        return form;
    }

    private static boolean isPlain(RecordComponent component) {
        Class<?> type = component.getType();
        return type == String.class || type == LocalDate.class || Number.class.isAssignableFrom(type) || type.isPrimitive()
                || type == Boolean.class || type.isEnum() || isLines(component);
    }

    private static Object valueOf(Record stored, RecordComponent component) {
        try {
            return component.getAccessor().invoke(stored);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    /** A {@code List<String>} component: one entry per line of a text area. */
    private static boolean isLines(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class;
    }
}
