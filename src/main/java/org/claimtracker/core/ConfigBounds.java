package org.claimtracker.core;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The bounds of {@link TrackerConfig}'s settings, checked while each value is converted
 * ({@code @WithConverter}): a value out of bounds stops the start with a message naming the setting,
 * as a value that does not convert does.
 *
 * <p>Converters rather than bean-validation constraints on the mapping: constraints on any
 * configuration mapping make Quarkus build a second validator factory while it reads the
 * configuration, before anything else starts, which cost the tracker's start 0.3-0.6 s of CPU on
 * two cores (bench/RESULTS.md, "Start-up against its floor").
 */
public final class ConfigBounds {

    private ConfigBounds() {
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + value, e);
        }
    }

    private static Duration atLeast(String value, Duration least, String words) {
        Duration duration = DurationConverter.parseDuration(value.trim());
        if (duration == null || duration.compareTo(least) < 0) {
            throw new IllegalArgumentException("must be at least " + words + ": " + value);
        }
        return duration;
    }

    /** A whole number from {@code least} to {@code most}. */
    abstract static class Whole implements Converter<Integer> {
        private final int least;
        private final int most;

        Whole(int least, int most) {
            this.least = least;
            this.most = most;
        }

        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < least || n > most) {
                throw new IllegalArgumentException((most == Integer.MAX_VALUE ? "must be " + least + " or more"
                        : "must be between " + least + " and " + most) + ": " + value);
            }
            return n;
        }
    }

    /** A whole number greater than 0. */
    public static final class Positive extends Whole {
        public Positive() {
            super(1, Integer.MAX_VALUE);
        }
    }

    /** A whole number, 0 or more. */
    public static final class PositiveOrZero extends Whole {
        public PositiveOrZero() {
            super(0, Integer.MAX_VALUE);
        }
    }

    /** A number of days a token may live: 1 to 365. */
    public static final class Days extends Whole {
        public Days() {
            super(1, 365);
        }
    }

    /** A duration of at least a millisecond. */
    public static final class AtLeastAMillisecond implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return atLeast(value, Duration.ofMillis(1), "1 ms");
        }
    }

    /** A duration of zero or more. */
    public static final class NotNegative implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return atLeast(value, Duration.ZERO, "0 s");
        }
    }

    /** A duration of at least a second. */
    public static final class AtLeastASecond implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return atLeast(value, Duration.ofSeconds(1), "1 s");
        }
    }

    /** A text of at least one character. */
    public static final class NotEmpty implements Converter<String> {
        @Override
        public String convert(String value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return value;
        }
    }

    /** An absolute http or https address without query or fragment, answered without a trailing slash. */
    public static final class WebAddress implements Converter<String> {
        @Override
        public String convert(String value) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(value.trim());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not an address: " + value, e);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("must be an http or https address such as https://tracker.example.org,"
                        + " without query or fragment: " + value);
            }
            return uri.toString().replaceAll("/+$", "");
        }
    }
}
