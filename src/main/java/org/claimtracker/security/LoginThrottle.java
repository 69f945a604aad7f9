package org.claimtracker.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.claimtracker.core.TrackerConfig;

/**
 * Slows down password guessing without letting a stranger lock the owner out. Failed logins are
 * counted within a sliding window, per username from one address, per address, and per username
 * from everywhere; when a count is full, further attempts it covers are refused, right password or
 * not, until enough of its failures leave the window:
 * <ul>
 * <li>a username from one address (5 by default): what one guesser can try against one account;</li>
 * <li>an address (20): what one guesser can try against all accounts;</li>
 * <li>a username from everywhere (50): what many addresses together can try against one account.
 * This block does not apply to addresses that have logged in to the account before, so the owner
 * keeps getting in while someone else guesses.</li>
 * </ul>
 * A successful login clears its username-and-address count and makes its address known (the ten
 * latest per account). Counts and known addresses live in the database (tables
 * {@code login_failure} and {@code login_known_address}, V19), so that every instance serving it
 * counts the same failures: five wrong passwords spread over several instances are five. A login
 * costs a bcrypt check (tens of milliseconds); the one or two statements here are small beside it.
 */
@ApplicationScoped
public class LoginThrottle {

    /** What is stored of a username or address at most (the columns' widths), so that long inventions cost nothing. */
    private static final int MAX_USERNAME = 200;
    private static final int MAX_ADDRESS = 100;
    private static final int KNOWN_PER_USER = 10;

    /**
     * For each count, the failure whose leaving the window frees it (the max-th newest, which exists
     * only when the count is full); the answer is the seconds until the last of them leaves.
     */
    private static final String WAIT = """
            with p as (select ?::float8 * interval '1 second' as win, ?::text as u, ?::text as a)
            select coalesce(ceil(max(extract(epoch from freed_at - now()))), 0)::bigint from (
              (select f.failed_at + p.win as freed_at from login_failure f, p
                where f.username = p.u and f.address = p.a and not f.pair_cleared and f.failed_at > now() - p.win
                order by f.failed_at desc offset ? limit 1)
              union all
              (select f.failed_at + p.win from login_failure f, p
                where f.address = p.a and f.failed_at > now() - p.win
                order by f.failed_at desc offset ? limit 1)
              union all
              (select f.failed_at + p.win from login_failure f, p
                where f.username = p.u and f.failed_at > now() - p.win
                  and not exists (select from login_known_address k where k.username = p.u and k.address = p.a)
                order by f.failed_at desc offset ? limit 1)
            ) due""";

    private static final String FAILED = """
            with gone as (delete from login_failure where failed_at < now() - ?::float8 * interval '1 second')
            insert into login_failure (username, address) values (?, ?)""";

    private static final String SUCCEEDED = """
            with p as (select ?::text as u, ?::text as a, ?::int as kept),
            cleared as (
              update login_failure f set pair_cleared = true from p
               where f.username = p.u and f.address = p.a and not f.pair_cleared),
            known as (
              insert into login_known_address (username, address) select u, a from p
              on conflict (username, address) do update set last_login_at = clock_timestamp())
            delete from login_known_address k using p
             where k.username = p.u and k.address <> p.a
               and k.address not in (select o.address from login_known_address o
                                      where o.username = p.u and o.address <> p.a
                                      order by o.last_login_at desc limit (select kept from p))""";

    @Inject
    TrackerConfig config;

    @Inject
    DataSource dataSource;

    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    public long waitSeconds(String username, String address) {
        TrackerConfig.Login limits = config.login();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(WAIT)) {
            query.setLong(1, limits.window().toSeconds());
            query.setString(2, clip(username, MAX_USERNAME));
            query.setString(3, clip(address, MAX_ADDRESS));
            query.setInt(4, limits.maxFailuresPerUser() - 1);
            query.setInt(5, limits.maxFailuresPerAddress() - 1);
            query.setInt(6, limits.maxFailuresPerUserEverywhere() - 1);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long wait = row.getLong(1);
                return wait <= 0 ? 0 : wait;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the failed logins: " + e.getMessage(), e);
        }
    }

    public void failed(String username, String address) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(FAILED)) {
            insert.setLong(1, config.login().window().toSeconds());
            insert.setString(2, clip(username, MAX_USERNAME));
            insert.setString(3, clip(address, MAX_ADDRESS));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a failed login: " + e.getMessage(), e);
        }
    }

    public void succeeded(String username, String address) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(SUCCEEDED)) {
            update.setString(1, clip(username, MAX_USERNAME));
            update.setString(2, clip(address, MAX_ADDRESS));
            // The other known addresses kept beside this one.
            update.setInt(3, KNOWN_PER_USER - 1);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a successful login: " + e.getMessage(), e);
        }
    }

    private static String clip(String value, int max) {
        String text = value == null ? "" : value;
        return text.length() > max ? text.substring(0, max) : text;
    }
}
