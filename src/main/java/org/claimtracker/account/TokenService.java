package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimtracker.core.Actors;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.api.BearerTokens;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.TrackerConfig;

/** Makes, lists, revokes and checks API tokens. */
@ApplicationScoped
@Transactional
public class TokenService {

    /** The identity attribute that holds the id of the token a request was authenticated with. */
    public static final String TOKEN_ID = "tracker.token-id";

    private static final String PREFIX = "ctk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    VerifiedTokens verified;

    @Inject
    TrackerConfig config;

    /**
     * Makes a token for the account; the secret is in the answer and nowhere else. Tokens are made
     * by their own account (an admin page, or an existing token) or by the command line.
     */
    public TokenDetail issue(String username, TokenRequest request) {
        return issue(username, request, null);
    }

    /**
     * Makes a token with the token {@code parentId} of the same account (POST /api/tokens): it
     * expires no later than its parent and is revoked with it, so a stolen token cannot buy itself
     * a longer life.
     */
    public TokenDetail issue(String username, TokenRequest request, Long parentId) {
        Account account = em.createQuery("select a from Account a where a.username = :u and a.enabled = true", Account.class)
                .setParameter("u", username).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> ApiProblem.invalid("username", "No enabled account is named '" + username + "'"));
        long live = em.createQuery("select count(t) from ApiToken t where t.account = :a and t.revokedAt is null"
                        + " and t.expiresAt > :now", Long.class)
                .setParameter("a", account).setParameter("now", OffsetDateTime.now()).getSingleResult();
        if (live >= config.tokens().maxPerAccount()) {
            throw ApiProblem.conflict(null, "This account already has " + live + " live tokens, the most it may have;"
                    + " revoke the ones no longer used (DELETE /api/tokens/{id}, or all with DELETE /api/tokens)");
        }
        int days = request.days() == null ? config.tokens().defaultDays() : request.days();
        // As PostgreSQL keeps it (microseconds), so that the answer says what is stored.
        OffsetDateTime expiresAt = OffsetDateTime.now().plusDays(days).truncatedTo(ChronoUnit.MICROS);
        if (parentId != null) {
            ApiToken parent = em.find(ApiToken.class, parentId);
            if (parent == null || !parent.account.id.equals(account.id) || !parent.isUsable()) {
                throw ApiProblem.invalid(null, "The token this request was made with is no longer valid");
            }
            if (parent.expiresAt.isBefore(expiresAt)) {
                expiresAt = parent.expiresAt;
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String name = request.name() == null || request.name().isBlank() ? "API token" : request.name().strip();
        ApiToken made = new ApiToken(account, name, hash(token), expiresAt, parentId);
        em.persist(made);
        em.flush();
        return TokenDetail.of(made, token);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<TokenDetail> listOf(String username, PageParams page) {
        long total = em.createQuery("select count(t) from ApiToken t where t.account.username = :u", Long.class)
                .setParameter("u", username).getSingleResult();
        List<TokenDetail> items = em.createQuery("select t from ApiToken t join fetch t.account where t.account.username = :u"
                        + " order by t.id desc", ApiToken.class)
                .setParameter("u", username)
                .setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultStream().map(t -> TokenDetail.of(t, null)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Revokes one of the account's own tokens, and every token made with it (and with those, in turn). */
    public void revoke(String username, long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.account.username.equals(username)) {
            throw ApiProblem.notFound("token of yours", id);
        }
        List<ApiToken> all = tokensOf(username);
        Set<Long> doomed = new HashSet<>(Set.of(id));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ApiToken t : all) {
                if (t.parentId != null && doomed.contains(t.parentId) && doomed.add(t.id)) {
                    grew = true;
                }
            }
        }
        all.stream().filter(t -> doomed.contains(t.id)).forEach(TokenService::revokeNow);
        em.flush();
        verified.forgetAccount(username);
    }

    /** Revokes every token of the account; answers how many were still unrevoked. */
    public int revokeAll(String username) {
        List<ApiToken> unrevoked = tokensOf(username).stream().filter(t -> t.revokedAt == null).toList();
        unrevoked.forEach(TokenService::revokeNow);
        em.flush();
        verified.forgetAccount(username);
        return unrevoked.size();
    }

    private List<ApiToken> tokensOf(String username) {
        return em.createQuery("select t from ApiToken t where t.account.username = :u", ApiToken.class)
                .setParameter("u", username).getResultList();
    }

    private static void revokeNow(ApiToken token) {
        if (token.revokedAt == null) {
            token.revoke();
            token.touch();
        }
    }

    /** The identity a bearer token stands for, or null when it is unknown, expired, revoked or disabled. */
    @Transactional
    public SecurityIdentity authenticate(String token) {
        String tokenHash = hash(token);
        SecurityIdentity known = verified.lookup(tokenHash);
        if (known != null) {
            return known;
        }
        long generation = verified.generation();
        ApiToken found = Actors.runAs(Identities.AUTHENTICATING, () -> em.createQuery(
                        "select t from ApiToken t join fetch t.account where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", tokenHash)
                .getResultStream().findFirst().orElse(null));
        if (found == null || !found.isUsable()) {
            return null;
        }
        SecurityIdentity identity = QuarkusSecurityIdentity.builder(Identities.of(found.account))
                .addAttribute(TOKEN_ID, found.id).build();
        verified.remember(tokenHash, found.account.username, identity,
                Duration.between(OffsetDateTime.now(), found.expiresAt), generation);
        return identity;
    }

    public static String hash(String token) {
        return BearerTokens.fingerprint(token);
    }
}
