package org.claimtracker.core;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code tracker.*} setting, typed, with its default and its bounds. Quarkus reads and checks
 * it at start-up: a value that does not convert (a word where a number belongs, an unknown seed
 * mode) or breaks a bound (a negative limit; {@link ConfigBounds}, checked as the value is converted)
 * stops the start with a message naming the setting.
 *
 * <p>The environment variables of the README's configuration table reach these settings through
 * {@code application.properties} ({@code tracker.exports.max=${TRACKER_EXPORTS_MAX:8}}); the
 * defaults there and here are the same, and {@code ConfigurationDocsTest} holds them, and the
 * README's table, equal. A new setting goes here, in {@code application.properties} and, when a
 * variable sets it, in the README's table.
 */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    Exports exports();

    Http http();

    Accounts accounts();

    Tokens tokens();

    Sessions sessions();

    Login login();

    // Groups of two words are named as the mapping names them anyway, so that messages about a
    // refused value name the setting as it is written.
    @WithName("rate-limit")
    RateLimit rateLimit();

    Seed seed();

    @WithName("swagger-ui")
    SwaggerUi swaggerUi();

    @WithName("claim-review")
    ClaimReview claimReview();

    Replica replica();

    Search search();

    /** Report exports (TRACKER_EXPORTS_PER_ACCOUNT, TRACKER_EXPORTS_MAX, TRACKER_EXPORT_TIMEOUT). */
    interface Exports {
        /** Exports one account may have in progress (429 beyond). */
        @WithDefault("2")
        @WithConverter(ConfigBounds.Positive.class)
        int perAccount();

        /** Exports the tracker may have in progress in all (503 beyond). */
        @WithDefault("8")
        @WithConverter(ConfigBounds.Positive.class)
        int max();

        /** Longest time an export may take to read from the database (503 beyond). */
        @WithDefault("PT2M")
        @WithConverter(ConfigBounds.AtLeastAMillisecond.class)
        Duration timeout();
    }

    /** Request bodies other than bulk imports (whose limit is quarkus.http.limits.max-body-size). */
    interface Http {
        @WithDefault("8M")
        MemorySize maxBodySize();
    }

    /** The starter accounts (TRACKER_ADMIN_PASSWORD, TRACKER_ANALYST_PASSWORD, TRACKER_VIEWER_PASSWORD). */
    interface Accounts {
        /** Whether the starter accounts are created when missing. */
        @WithDefault("true")
        boolean starter();

        @WithDefault("admin-local-only")
        @WithConverter(ConfigBounds.NotEmpty.class)
        String adminPassword();

        @WithDefault("analyst-local-only")
        @WithConverter(ConfigBounds.NotEmpty.class)
        String analystPassword();

        @WithDefault("viewer-local-only")
        @WithConverter(ConfigBounds.NotEmpty.class)
        String viewerPassword();
    }

    /** API tokens (TRACKER_TOKEN_DAYS, TRACKER_TOKENS_PER_ACCOUNT). */
    interface Tokens {
        /** Lifetime of a new token when none is asked for; a client may ask for 1 to 365 days. */
        @WithDefault("30")
        @WithConverter(ConfigBounds.Days.class)
        int defaultDays();

        /** Live (unrevoked, unexpired) tokens one account may have. */
        @WithDefault("20")
        @WithConverter(ConfigBounds.Positive.class)
        int maxPerAccount();
    }

    /** Admin sessions (TRACKER_SESSION_LIFETIME; the key is Quarkus' own setting). */
    interface Sessions {
        /** An admin session ends this long after its login, however active. */
        @WithDefault("PT12H")
        @WithConverter(ConfigBounds.AtLeastASecond.class)
        Duration lifetime();
    }

    /** Failed logins counted within a sliding window (TRACKER_LOGIN_MAX_FAILURES, TRACKER_LOGIN_MAX_FAILURES_EVERYWHERE). */
    interface Login {
        /** For one username from one address. */
        @WithDefault("5")
        @WithConverter(ConfigBounds.Positive.class)
        int maxFailuresPerUser();

        /** From one address, for all usernames. */
        @WithDefault("20")
        @WithConverter(ConfigBounds.Positive.class)
        int maxFailuresPerAddress();

        /** For one username from every address (not for addresses that logged in to it before). */
        @WithDefault("50")
        @WithConverter(ConfigBounds.Positive.class)
        int maxFailuresPerUserEverywhere();

        @WithDefault("PT15M")
        @WithConverter(ConfigBounds.AtLeastASecond.class)
        Duration window();
    }

    /** API requests a minute per client (TRACKER_RATE_LIMIT); 0 turns the limit off. */
    interface RateLimit {
        @WithDefault("1200")
        @WithConverter(ConfigBounds.PositiveOrZero.class)
        int perMinute();
    }

    /** The seed dataset (TRACKER_SEED_LOAD, TRACKER_SEED_DIR). */
    interface Seed {
        /** When to load it on start: if-empty, always or never. */
        @WithDefault("if-empty")
        SeedLoad load();

        /** A directory to read it from instead of the copy packaged in the application. */
        Optional<String> dir();
    }

    /** When the seed dataset is loaded on start (written if-empty, always, never). */
    enum SeedLoad {
        /** When the database holds no claims. */
        IF_EMPTY,
        /** On every start (loading is idempotent). */
        ALWAYS,
        NEVER
    }

    /** The Content-Security-Policy of Swagger UI's page (fixed in application.properties). */
    interface SwaggerUi {
        /** The SHA-256 hashes of the page's inline scripts, as CSP sources. */
        String scriptHashes();
    }

    /** Gradings published as schema.org ClaimReview (TRACKER_PUBLIC_URL, TRACKER_REVIEW_AUTHOR). */
    interface ClaimReview {
        /** The tracker's address as its readers reach it; a review's url is its claim's page there. */
        @WithDefault("http://localhost:8080")
        @WithConverter(ConfigBounds.WebAddress.class)
        String publicUrl();

        /** The organisation named as the reviews' author. */
        @WithDefault("Claim tracker")
        @WithConverter(ConfigBounds.NotEmpty.class)
        String author();
    }

    /** A streaming replica for report reads (TRACKER_REPLICA_DB_URL, TRACKER_REPLICA_WAIT). */
    interface Replica {
        /** JDBC URL of a streaming replica of the tracker's database; none: every read goes to the primary. */
        Optional<String> url();

        /**
         * How long a read waits for the replica to replay what the primary had written when the read
         * began; a replica further behind is passed over and the read goes to the primary.
         */
        @WithName("wait")
        @WithDefault("PT2S")
        @WithConverter(ConfigBounds.AtLeastAMillisecond.class)
        Duration waitFor();
    }

    /** Searches read in two halves at once (TRACKER_SEARCH_SPLIT_FROM; the pool's size is its datasource's). */
    interface Search {
        /**
         * A search whose reads are estimated to take at least this long (the statistics' guess of its
         * kinds' costs together) is split in two halves read at once; 0 splits every search of two
         * kinds or more.
         */
        @WithDefault("PT0.015S")
        @WithConverter(ConfigBounds.NotNegative.class)
        Duration splitFrom();
    }
}
