package org.claimtracker.core;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The writes of one kind of record, taken through {@link Writes} the same way for every kind: a
 * service extends it and writes only what is its own: how a request is applied to the entity
 * ({@link #apply}), how the entity is answered ({@link #answer}) and, where it has any, the checks
 * before a delete ({@link #checkDelete}) and a one-statement insert ({@link #insertAtOnce}). Its lists and gets stay in the service.
 *
 * <p>The writes run in a transaction (the class-level {@code @Transactional}, which the services
 * repeat); {@link #requestOf(long)} only joins one where there is one. The hooks above are
 * business methods, so the class-level binding intercepts them too; they are called only inside
 * the write's transaction, where that changes nothing. Reading the request therefore takes only
 * the constructor's function and never a hook, so that it starts no transaction of its own.
 *
 * @param <E> the entity
 * @param <D> the record as answered
 * @param <R> the request that writes it
 */
@Transactional
public abstract class RecordService<E extends Audited, D extends Versioned, R> implements RecordWrites<D, R> {

    @Inject
    protected EntityManager em;

    private final Class<E> type;
    private final Supplier<E> newRecord;
    private final String noun;
    private final Function<E, R> asRequest;

    /**
     * @param type the entity class
     * @param newRecord makes an empty entity for {@link #create}
     * @param noun the record's name in messages (e.g. "article" in "No article with id 7")
     * @param asRequest the request that would write a stored record as it is
     */
    protected RecordService(Class<E> type, Supplier<E> newRecord, String noun, Function<E, R> asRequest) {
        this.type = type;
        this.newRecord = newRecord;
        this.noun = noun;
        this.asRequest = asRequest;
    }

    /** A new record: in one statement where the kind can ({@link #insertAtOnce}), else through the entity. */
    @Override
    public D create(R request) {
        D inserted = insertAtOnce(request);
        return inserted != null ? inserted
                : answer(Writes.create(em, newRecord.get(), record -> apply(record, request)));
    }

    @Override
    public D update(long id, Long expectedVersion, R request) {
        return answer(Writes.update(em, require(id), expectedVersion, record -> apply(record, request)));
    }

    /** Deletes the record; {@code expectedVersion} (null: any) guards against deleting a newer edit. */
    @Override
    public void delete(long id, Long expectedVersion) {
        Writes.delete(em, require(id), expectedVersion, this::checkDelete);
    }

    /** The request that would record the stored record as it stands, for a merge patch to apply to. */
    @Override
    @Transactional(TxType.SUPPORTS)
    public R requestOf(long id) {
        return asRequest.apply(require(id));
    }

    /** The record of this kind whose {@code attribute} holds {@code value} (its ref, say), or null. */
    @Transactional(TxType.SUPPORTS)
    public E findBy(String attribute, Object value) {
        return Lookup.findBy(em, type, attribute, value);
    }

    /** The stored record with this id, 404 when there is none. */
    private E require(long id) {
        return Lookup.require(em, type, id, noun);
    }

    /** Checks the request and copies it onto the record (new or stored); refuses by throwing. */
    protected abstract void apply(E record, R request);

    /** The record as answered after a write (the write is flushed; still in its transaction). */
    protected abstract D answer(E record);

    /**
     * Refuses (409 naming {@code attribute}) a value that another record of this kind already holds
     * in that attribute; null is never refused.
     */
    protected void checkUnique(E record, String attribute, Object value) {
        E holder = value == null ? null : Lookup.findBy(em, type, attribute, value);
        if (holder != null && holder != record) {
            String article = "aeiou".indexOf(noun.charAt(0)) >= 0 ? "An " : "A ";
            throw ApiProblem.conflict(attribute, article + noun + " with " + attribute + " '" + value
                    + "' already exists (id " + holder.id + ")");
        }
    }

    /**
     * The new record written and answered in one statement, or null to take the entity path, whose
     * checks name what is wrong (and which writes it after all if the statement found fault with
     * nothing the checks see). By default null: the entity path always.
     */
    protected D insertAtOnce(R request) {
        return null;
    }

    /** Refuses (by throwing) to delete a record that others still need; by default nothing is checked. */
    protected void checkDelete(E record) {
    }
}
