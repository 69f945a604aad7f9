package org.claimtracker.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.claimtracker.common.Actors;
import org.claimtracker.common.ApiProblem;
import org.claimtracker.common.Page;
import org.claimtracker.common.PageParams;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes, lists, revokes and checks API tokens. */
@ApplicationScoped
@Transactional
public class TokenService {

    private static final String PREFIX = "ctk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    VerifiedTokens verified;

    @ConfigProperty(name = "tracker.tokens.default-days", defaultValue = "30")
    int defaultDays;

    /**
     * Makes a token for the account; the secret is in the answer and nowhere else. Tokens are made
     * by their own account (an admin page, or an existing token) or by the command line.
     */
    public TokenView issue(String username, TokenRequest request) {
        Account account = em.createQuery("select a from Account a where a.username = :u and a.enabled = true", Account.class)
                .setParameter("u", username).getResultStream().findFirst()
                .orElseThrow(() -> ApiProblem.invalid("username", "No enabled account is named '" + username + "'"));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        int days = request.days() == null ? defaultDays : request.days();
        String name = request.name() == null || request.name().isBlank() ? "API token" : request.name().strip();
        ApiToken made = new ApiToken(account, name, hash(token), OffsetDateTime.now().plusDays(days));
        em.persist(made);
        em.flush();
        return view(made, token);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<TokenView> listOf(String username, PageParams page) {
        long total = em.createQuery("select count(t) from ApiToken t where t.account.username = :u", Long.class)
                .setParameter("u", username).getSingleResult();
        List<TokenView> items = em.createQuery("select t from ApiToken t join fetch t.account where t.account.username = :u"
                        + " order by t.id desc", ApiToken.class)
                .setParameter("u", username)
                .setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultStream().map(t -> view(t, null)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Revokes one of the account's own tokens. */
    public void revoke(String username, long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.getAccount().getUsername().equals(username)) {
            throw ApiProblem.notFound("token of yours", id);
        }
        if (token.getRevokedAt() == null) {
            token.revoke();
            token.touch();
            em.flush();
        }
        verified.forgetAccount(username);
    }

    /** The identity a bearer token stands for, or null when it is unknown, expired, revoked or disabled. */
    @Transactional
    public SecurityIdentity authenticate(String token) {
        String tokenHash = hash(token);
        SecurityIdentity known = verified.lookup(tokenHash);
        if (known != null) {
            return known;
        }
        ApiToken found = Actors.runAs(PasswordCheck.AUTHENTICATING, () -> em.createQuery(
                        "select t from ApiToken t join fetch t.account where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", tokenHash)
                .getResultStream().findFirst().orElse(null));
        if (found == null || !found.isUsable()) {
            return null;
        }
        SecurityIdentity identity = AccountIdentityProvider.identity(found.getAccount());
        verified.remember(tokenHash, found.getAccount().getUsername(), identity,
                Duration.between(OffsetDateTime.now(), found.getExpiresAt()));
        return identity;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static TokenView view(ApiToken t, String secret) {
        return new TokenView(t.getId(), t.getName(), t.getAccount().getUsername(), t.getCreatedAt(), t.getExpiresAt(),
                t.getRevokedAt(), secret);
    }
}
