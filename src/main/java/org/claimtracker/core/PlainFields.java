package org.claimtracker.core;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.bytecode.enhance.spi.EnhancerConstants;

/**
 * Copies a request's plain components onto the entity's public fields of the same name and type, so
 * that a new plain field (a note, a date, a number, a choice) needs no line of its own in the service.
 * Text is stripped, and blank text stored as null. The components a service handles itself (ids it
 * resolves to records, values it checks or defaults) are named when copying; a component that is
 * neither named nor matched by a field of the same name and type is a mistake, refused at once.
 */
public final class PlainFields {

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

    private static Field fieldFor(RecordComponent component, Class<?> entityType) {
        Field field;
        try {
            field = entityType.getField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(entityType.getSimpleName() + " has no public field "
                    + component.getName() + "; name it among the components the service handles itself", e);
        }
        if (!field.getGenericType().equals(component.getGenericType()) || Modifier.isStatic(field.getModifiers())) {
            throw new IllegalArgumentException(entityType.getSimpleName() + "." + component.getName() + " is a "
                    + field.getGenericType().getTypeName() + ", the request's component a "
                    + component.getGenericType().getTypeName() + "; name it among the components the service handles itself");
        }
        return field;
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
     * Writes the field as a plain assignment in the entity's own code would: through the writer
     * Hibernate's enhancement adds (which records the change for the flush), or directly when the
     * class is not enhanced.
     */
    private static void write(Object entity, Field field, Object value) {
        try {
            Method writer = writerOf(entity.getClass(), field);
            if (writer != null) {
                writer.invoke(entity, value);
            } else {
                field.set(entity, value);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot write " + field.getName(), e);
        }
    }

    private static Method writerOf(Class<?> type, Field field) {
        try {
            return type.getMethod(EnhancerConstants.PERSISTENT_FIELD_WRITER_PREFIX + field.getName(), field.getType());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
