package org.claimtracker.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;
import org.claimtracker.core.TrackerConfig;

/**
 * Limits how fast one client may call the API: a token bucket per client (its bearer token, known
 * by its SHA-256 as authentication reads it, so that spelling the header differently does not make
 * another client) that refills at tracker.rate-limit.per-minute, and a five times larger one per
 * address, so that inventing credentials does not buy a fresh allowance. Requests without a bearer
 * token count against their address only. Every API answer says where the client
 * stands (RateLimit-Limit, -Remaining, -Reset); a client that has used up its allowance gets 429
 * with Retry-After. 0 turns the limit off.
 *
 * <p>Buckets live in memory, per instance, on purpose: counting in the database would add a write
 * and a round trip to every API request. Several instances behind a balancer allow a client up to
 * their number times the allowance; the README's "Several instances" says how to bound it (a smaller
 * TRACKER_RATE_LIMIT, or a limit at the balancer). The login throttle, which guards passwords, is
 * counted in the database (security/LoginThrottle).
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    @Inject
    TrackerConfig config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens left and when they were last counted. */
    private static final class Bucket {
        double tokens;
        long countedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.countedAt = now;
        }
    }

    void install(@Observes Router router) {
        if (config.rateLimit().perMinute() > 0) {
            router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::limit);
        }
    }

    /** Takes one token if there is one; returns the tokens left, negative when there was none. */
    private double take(String key, int capacity, long now) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.countedAt) * capacity / 60e9);
            bucket.countedAt = now;
            if (bucket.tokens < 1) {
                return bucket.tokens - 1;
            }
            bucket.tokens -= 1;
            return bucket.tokens;
        }
    }

    private void limit(RoutingContext context) {
        int perMinute = config.rateLimit().perMinute();
        long now = System.nanoTime();
        double perNano = perMinute / 60e9;
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        String token = BearerTokens.tokenOf(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        double fromAddress = take("address:" + address, perMinute * 5, now);
        double fromClient = token == null ? fromAddress / 5 : take("token:" + BearerTokens.fingerprint(token), perMinute, now);
        boolean allowed = fromAddress >= 0 && fromClient >= 0;
        double remaining = Math.max(0, Math.min(fromClient, fromAddress / 5));
        long secondsToNextToken = (long) Math.ceil(Math.max(0, 1 - remaining) / perNano / 1e9);
        long secondsToFull = (long) Math.ceil((perMinute - remaining) / perNano / 1e9);
        context.response()
                .putHeader("RateLimit-Limit", Integer.toString(perMinute))
                .putHeader("RateLimit-Remaining", Long.toString((long) Math.floor(remaining)))
                .putHeader("RateLimit-Reset", Long.toString(allowed ? secondsToFull : secondsToNextToken));
        if (allowed) {
            context.next();
            return;
        }
        String body = "{\"type\":\"" + ProblemTypes.forStatus(429) + "\",\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":\"This client has used its allowance of " + perMinute + " requests a minute; try again in "
                + secondsToNextToken + " s\"}";
        context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(Math.max(1, secondsToNextToken)))
                .putHeader("X-Content-Type-Options", "nosniff").end(body);
    }
}
