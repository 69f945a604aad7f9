package org.claimtracker.core;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A stored row: its id, drawn from the sequence named after its table ({@code claim} from
 * {@code claim_seq}, {@code api_token} from {@code api_token_seq}, {@code response} from
 * {@code response_seq}). That is Hibernate's standard implicit sequence name (table name plus
 * {@code _seq}) with its standard allocation of 50 ids at a time, which is why every sequence in
 * {@code db/migration} is created {@code increment by 50}; schema validation at start-up refuses a
 * sequence that is missing or steps otherwise. A bulk import takes ids from the same sequences.
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    public Long id;
}
