package org.claimtracker.core;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

/**
 * The steps every record's create, update and delete take ({@link RecordService} takes them for
 * the records' services; a service takes them itself for the parts it keeps, such as a party's
 * memberships). Each step ends with a flush,
 * so that a constraint the database refuses fails the call that caused it.
 */
public final class Writes {

    private Writes() {
    }

    /** Fills a new record and stores it. */
    public static <E extends Audited> E create(EntityManager em, E record, Consumer<? super E> fill) {
        fill.accept(record);
        em.persist(record);
        em.flush();
        return record;
    }

    /**
     * Changes a stored record: refuses a stale version ({@code expectedVersion} null: any), applies
     * the change, and marks the record changed so that it takes a new version even when only its parts
     * changed.
     */
    public static <E extends Audited> E update(EntityManager em, E record, Long expectedVersion, Consumer<? super E> change) {
        record.expectVersion(expectedVersion);
        change.accept(record);
        record.touch();
        em.flush();
        return record;
    }

    /** Deletes a stored record, unless its version is stale. */
    public static <E extends Audited> void delete(EntityManager em, E record, Long expectedVersion) {
        delete(em, record, expectedVersion, unchecked -> {
        });
    }

    /** Deletes a stored record, unless its version is stale or {@code check} refuses (by throwing). */
    public static <E extends Audited> void delete(EntityManager em, E record, Long expectedVersion, Consumer<? super E> check) {
        record.expectVersion(expectedVersion);
        check.accept(record);
        em.remove(record);
        em.flush();
    }
}
