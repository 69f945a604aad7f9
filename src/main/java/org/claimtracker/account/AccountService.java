package org.claimtracker.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Locale;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;

@ApplicationScoped
@Transactional
public class AccountService {

    @Inject
    EntityManager em;

    @Inject
    VerifiedTokens verified;

    @Inject
    Sessions sessions;

    @Inject
    TokenService tokens;

    /** Runs in a transaction of its own: logins are checked outside any request context. */
    @Transactional
    public Account findEnabled(String username) {
        if (username == null) {
            return null;
        }
        return em.createQuery("select a from Account a where a.username = :username and a.enabled = true", Account.class)
                .setParameter("username", username.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
    }

    @Transactional(TxType.SUPPORTS)
    public boolean exists(String username) {
        return em.createQuery("select count(a) from Account a where a.username = :username", Long.class)
                .setParameter("username", username).getSingleResult() > 0;
    }

    @Transactional(TxType.SUPPORTS)
    public Page<AccountDetail> list(String q, PageParams page) {
        Filter filter = new Filter().andContains(
                "(lower(a.username) like :q escape '!' or lower(a.displayName) like :q escape '!')", "q", q);
        return filter.paged(em, "from Account a", "select a from Account a", "a.username", Account.class, page)
                .map(AccountDetail::of);
    }

    @Transactional(TxType.SUPPORTS)
    public AccountDetail get(long id) {
        return AccountDetail.of(Lookup.require(em, Account.class, id, "account"));
    }

    public AccountDetail create(AccountRequest request) {
        if (request.password() == null || request.password().isBlank()) {
            throw ApiProblem.invalid("password", "A new account needs a password");
        }
        String username = request.username().strip().toLowerCase(Locale.ROOT);
        if (exists(username)) {
            throw ApiProblem.conflict("username", "An account named '" + username + "' already exists");
        }
        Account account = new Account();
        account.username = username;
        apply(account, request);
        em.persist(account);
        em.flush();
        return AccountDetail.of(account);
    }

    public AccountDetail update(long id, AccountRequest request) {
        Account account = Lookup.require(em, Account.class, id, "account");
        account.expectVersion(request.version());
        if (!account.username.equals(request.username().strip().toLowerCase(Locale.ROOT))) {
            throw ApiProblem.invalid("username", "A username cannot change; create a new account instead");
        }
        boolean losesAdmin = account.role == AccountRole.admin && account.enabled
                && (request.role() != AccountRole.admin || !request.enabled());
        if (losesAdmin && enabledAdmins() <= 1) {
            throw ApiProblem.invalid("role", "This is the last enabled admin account; make another admin first");
        }
        boolean newPassword = request.password() != null && !request.password().isBlank();
        boolean disabled = account.enabled && !request.enabled();
        apply(account, request);
        account.touch();
        em.flush();
        if (newPassword || disabled) {
            // Whoever knew the old password, or holds a session of the disabled account, is out.
            sessions.endAll(account.id);
        }
        if (newPassword) {
            tokens.revokeAll(account.username);
        }
        verified.forgetAccount(account.username);
        return AccountDetail.of(account);
    }

    private void apply(Account account, AccountRequest request) {
        account.displayName = Lookup.trimToNull(request.displayName());
        account.role = request.role();
        account.enabled = request.enabled();
        if (request.password() != null && !request.password().isBlank()) {
            String weakness = Passwords.weakness(account.username, request.password());
            if (weakness != null) {
                throw ApiProblem.invalid("password", weakness);
            }
            account.passwordHash = Passwords.hash(request.password());
        }
    }

    private long enabledAdmins() {
        return em.createQuery("select count(a) from Account a where a.role = :role and a.enabled = true", Long.class)
                .setParameter("role", AccountRole.admin).getSingleResult();
    }
}
