package org.claimtracker.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies a request's plain components onto the entity's public fields of the same name and type, so
 * that a new plain field (a note, a date, a number, a choice) needs no line of its own in the service.
 * Text is stripped, and blank text stored as null. The components a service handles itself (ids it
 * resolves to records, values it checks or defaults) are named when copying; a component that is
 * neither named nor matched by a field of the same name and type is a mistake, refused at once.
 */
public final class PlainFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainFields() {
    }

    /** Copies every component of {@code request} except {@code handled} onto {@code entity}. */
    public static void copy(Record request, Object entity, String... handled) {
        Set<String> explicit = Set.of(handled);
        RecordComponent[] components = request.getClass().getRecordComponents();
        Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (String name : explicit) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(request.getClass().getSimpleName() + " has no component " + name);
            }
        }
        for (RecordComponent component : components) {
            if (!explicit.contains(component.getName())) {
                write(entity, fieldFor(component, entity.getClass()), valueOf(component, request));
            }
        }
    }

    /**
     * The plain components of {@code request} (all but {@code handled}), by name in declaration order,
     * with the values {@link #copy} writes (text stripped, blank text null): what a statement that
     * writes the row itself (claim/ClaimInsert) stores in the columns of the same names.
     */
    public static Map<String, Object> values(Record request, String... handled) {
        Set<String> explicit = Set.of(handled);
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            if (!explicit.contains(component.getName())) {
                values.put(component.getName(), valueOf(component, request));
            }
        }
        return values;
    }

    /** The names of the plain components of {@code type} (all but {@code handled}), in declaration order. */
    public static List<String> names(Class<? extends Record> type, String... handled) {
        Set<String> explicit = Set.of(handled);
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !explicit.contains(name)).toList();
    }

    /**
     * An insert that writes a row in one statement (claim/ClaimInsert, response/ResponseInsert) with its
     * PLAIN_COLUMNS and PLAIN_VALUES written out: the columns of {@code type}'s plain components (all but
     * {@code handled}) and, for each, {@code plain.<column>}, the value of a row named {@code plain} that
     * {@code jsonb_populate_record} reads from the object {@link #json} writes. A new plain field thus
     * needs no line in the statement.
     */
    public static String insert(String sql, Class<? extends Record> type, String... handled) {
        List<String> columns = names(type, handled).stream().map(PlainFields::column).toList();
        return sql.replace("PLAIN_COLUMNS", String.join(", ", columns))
                .replace("PLAIN_VALUES", columns.stream().map(column -> "plain." + column).collect(Collectors.joining(", ")));
    }

    /**
     * The plain values ({@link #values}) as one JSON object keyed by column, as {@code jsonb_populate_record}
     * reads them into the row's types: vocabulary words and dates as text.
     */
    public static String json(Map<String, Object> plain) {
        Map<String, Object> columns = new LinkedHashMap<>();
        plain.forEach((name, value) -> columns.put(column(name), value instanceof Enum<?> word ? word.name()
                : value instanceof LocalDate day ? day.toString() : value));
        try {
            return JSON.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Plain values Jackson cannot write: " + plain.keySet(), e);
        }
    }

    /** The column that stores a plain component: its name in snake case ({@code gradingNote}: grading_note). */
    public static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A record built from its components' values by name, so that code answering with it names only the
     * components it computes and passes the plain ones on by name; a component with no value is a mistake.
     */
    public static <R extends Record> R construct(Class<R> type, Map<String, ?> values) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + name + " has no value");
            }
            arguments[i] = values.get(name);
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private static Field fieldFor(RecordComponent component, Class<?> entityType) {
        Field field = declared(entityType, component.getName());
        if (field == null) {
            throw new IllegalArgumentException(entityType.getSimpleName() + " has no field " + component.getName()
                    + "; name it among the components the service handles itself");
        }
        if (!field.getGenericType().equals(component.getGenericType()) || Modifier.isStatic(field.getModifiers())) {
            throw new IllegalArgumentException(entityType.getSimpleName() + "." + component.getName() + " is a "
                    + field.getGenericType().getTypeName() + ", the request's component a "
                    + component.getGenericType().getTypeName() + "; name it among the components the service handles itself");
        }
        return field;
    }

    /** The field as declared (the build makes an entity's public fields protected behind generated accessors). */
    private static Field declared(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up, if anywhere
            }
        }
        return null;
    }

    private static Object valueOf(RecordComponent component, Record request) {
        try {
            Object value = component.getAccessor().invoke(request);
            return value instanceof String text ? Lookup.trimToNull(text) : value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    /**
     * Writes the field as an assignment in the code would: through the setter the build generates for
     * an entity's public field (which records the change for the flush), or directly where there is none.
     */
    private static void write(Object entity, Field field, Object value) {
        String name = field.getName();
        try {
            Method setter = setterOf(entity.getClass(), field);
            if (setter != null) {
                setter.invoke(entity, value);
            } else if (Modifier.isPublic(field.getModifiers())) {
                field.set(entity, value);
            } else {
                throw new IllegalArgumentException(entity.getClass().getSimpleName() + "." + name + " cannot be written");
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot write " + name, e);
        }
    }

    private static Method setterOf(Class<?> type, Field field) {
        String name = field.getName();
        try {
            return type.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), field.getType());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
