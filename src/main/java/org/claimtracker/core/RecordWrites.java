package org.claimtracker.core;

/**
 * What every editable kind of record offers its callers: create, correct, delete, and the request
 * that would reproduce the stored record (what a merge patch is applied to). {@code D} is the record
 * as answered, {@code R} the request that writes it. Services implement it; the REST layer's
 * {@code RecordResource} serves it.
 */
public interface RecordWrites<D extends Versioned, R> {

    D create(R request);

    /** Changes the record; {@code expectedVersion} null means any version. 404 when there is none. */
    D update(long id, Long expectedVersion, R request);

    /** Deletes the record; {@code expectedVersion} null means any version. 404 when there is none. */
    void delete(long id, Long expectedVersion);

    /** The request that would write the stored record as it is (404 when there is none). */
    R requestOf(long id);
}
