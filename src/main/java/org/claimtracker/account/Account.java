package org.claimtracker.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.claimtracker.core.Audited;

@Entity
public class Account extends Audited {

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public AccountRole role;

    @Column(nullable = false)
    public boolean enabled = true;
}
