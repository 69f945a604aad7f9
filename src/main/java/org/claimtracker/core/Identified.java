package org.claimtracker.core;

import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

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

    /**
     * The next id of an entity type, from its generator (so from the same pooled allocation as the
     * entities persisted by Hibernate), for a row written by native SQL.
     */
    public static long nextId(EntityManager em, Class<? extends Identified> type) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        IdentifierGenerator ids = (IdentifierGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(type).getGenerator();
        return ((Number) ids.generate(session, null)).longValue();
    }
}
