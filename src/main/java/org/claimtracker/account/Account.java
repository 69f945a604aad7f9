package org.claimtracker.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.claimtracker.core.Audited;

@Entity
public class Account extends Audited {

    public String username;

    public String displayName;

    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public AccountRole role;

    public boolean enabled = true;
}
