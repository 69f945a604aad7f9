package org.claimtracker.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The moment before which no admin session of an account counts (see V8__create_session_cutoffs.sql). */
@Entity
@Table(name = "account_session_cutoff")
public class SessionCutoff {

    @Id
    public Long accountId;

    public OffsetDateTime validAfter;
}
