package org.claimtracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The mapping's defaults and bounds, read as Quarkus reads them at start-up (the mapping, its
 * converters, bean validation), without starting the application: a bad value is refused with a
 * message naming the setting.
 */
class TrackerConfigTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static TrackerConfig read(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("tracker.swagger-ui.script-hashes", "'sha256-x'"));
        all.putAll(values);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TrackerConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return VALIDATOR;
                    }
                })
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
        return config.getConfigMapping(TrackerConfig.class);
    }

    @Test
    void defaults() {
        TrackerConfig config = read(Map.of());
        assertEquals(2, config.exports().perAccount());
        assertEquals(8, config.exports().max());
        assertEquals(Duration.ofMinutes(2), config.exports().timeout());
        assertEquals(8L * 1024 * 1024, config.http().maxBodySize().asLongValue());
        assertTrue(config.accounts().starter());
        assertEquals("admin-local-only", config.accounts().adminPassword());
        assertEquals(30, config.tokens().defaultDays());
        assertEquals(20, config.tokens().maxPerAccount());
        assertEquals(Duration.ofHours(12), config.sessions().lifetime());
        assertEquals(5, config.login().maxFailuresPerUser());
        assertEquals(20, config.login().maxFailuresPerAddress());
        assertEquals(50, config.login().maxFailuresPerUserEverywhere());
        assertEquals(Duration.ofMinutes(15), config.login().window());
        assertEquals(1200, config.rateLimit().perMinute());
        assertEquals(TrackerConfig.SeedLoad.IF_EMPTY, config.seed().load());
        assertEquals(Optional.empty(), config.seed().dir());
        assertEquals("http://localhost:8080", config.claimReview().publicUrl());
        assertEquals("Claim tracker", config.claimReview().author());
    }

    @Test
    void valuesAreWrittenAsInApplicationProperties() {
        TrackerConfig config = read(Map.of("tracker.seed.load", "never", "tracker.seed.dir", "/srv/seeds",
                "tracker.rate-limit.per-minute", "0", "tracker.exports.timeout", "PT30S", "tracker.http.max-body-size", "1M"));
        assertEquals(TrackerConfig.SeedLoad.NEVER, config.seed().load());
        assertEquals(Optional.of("/srv/seeds"), config.seed().dir());
        assertEquals(0, config.rateLimit().perMinute());
        assertEquals(Duration.ofSeconds(30), config.exports().timeout());
        assertEquals(1024 * 1024, config.http().maxBodySize().asLongValue());
        assertEquals(TrackerConfig.SeedLoad.ALWAYS, read(Map.of("tracker.seed.load", "always")).seed().load());
        assertEquals(TrackerConfig.SeedLoad.IF_EMPTY, read(Map.of("tracker.seed.load", "if-empty")).seed().load());
        assertEquals("https://tracker.example.org/claims", read(Map.of("tracker.claim-review.public-url",
                "https://tracker.example.org/claims/")).claimReview().publicUrl(), "a trailing slash is dropped");
    }

    @ParameterizedTest
    @CsvSource({
            "tracker.exports.per-account, 0",
            "tracker.exports.max, -1",
            "tracker.exports.timeout, PT0S",
            "tracker.tokens.default-days, 0",
            "tracker.tokens.default-days, 366",
            "tracker.tokens.max-per-account, 0",
            "tracker.sessions.lifetime, PT0S",
            "tracker.login.max-failures-per-user, 0",
            "tracker.login.max-failures-per-address, -3",
            "tracker.login.max-failures-per-user-everywhere, 0",
            "tracker.login.window, PT0S",
            "tracker.rate-limit.per-minute, -1",
            "tracker.seed.load, sometimes",
            "tracker.exports.max, eight",
            "tracker.http.max-body-size, -8M",
            "tracker.claim-review.public-url, tracker.example.org",
            "tracker.claim-review.public-url, ftp://tracker.example.org",
            "tracker.claim-review.public-url, https://tracker.example.org/?a=1",
    })
    void aBadValueIsRefusedNamingTheSetting(String name, String value) {
        Exception refused = assertThrows(Exception.class, () -> read(Map.of(name, value)));
        assertTrue(refused.getMessage().contains(name), "the message names " + name + ": " + refused.getMessage());
    }
}
